using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Statistics;

/// <summary>
/// The daily figures and the monthly review (docs/STATISTICS.md). Every figure expected here is the count of the
/// checks and registrations the test makes itself at Helsinki Airport in November of 2021, 2022 and 2023, worked
/// out by hand beside them.
/// </summary>
public abstract class MonthlyReviewTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    // Zones written with ICAO Doc 9303 Part 3's check digits, as in the check tests. A Finn is admitted; a Russian
    // without a visa is refused on C (Regulation (EU) 2018/1806, Annex I).
    private static readonly string[] Finn = ["P<FINVIRTANEN<<MATTI<<<<<<<<<<<<<<<<<<<<<<<<", "XP12345674FIN8001014M3201015<<<<<<<<<<<<<<04"];
    private static readonly string[] Russian = ["P<RUSIVANOV<<PETR<<<<<<<<<<<<<<<<<<<<<<<<<<<", "7512345672RUS8503150M3001019<<<<<<<<<<<<<<06"];

    private async Task<HttpClient> At(int year, int month, int day, int hour)
    {
        app.Clock.Reset(new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Helsinki).ToInstant());
        return await app.As(Roles.Officer);
    }

    private static async Task CheckAsync(HttpClient officer, string[] zone, string direction, string outcome, string[]? reasons = null)
    {
        var check = await officer.PostAsJsonAsync("/api/v1/checks", new { crossingPoint = "HEL", direction, document = new { mrz = zone }, findings = new { purposeJustified = true, sufficientMeans = true } }, Ct);
        Assert.Equal(HttpStatusCode.Created, check.StatusCode);
        var id = (await check.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var decided = await officer.PostAsJsonAsync($"/api/v1/checks/{id}/outcome", new { outcome, refusalReasons = reasons }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
    }

    private Task RecordNovembersAsync() => app.OnceAsync("novembers", RecordAsync);

    private async Task RecordAsync()
    {
        // November 2021: one entry. November 2022: an entry and an exit.
        await CheckAsync(await At(2021, 11, 10, 10), Finn, "entry", "admit");
        await CheckAsync(await At(2022, 11, 3, 9), Finn, "entry", "admit");
        await CheckAsync(await At(2022, 11, 20, 18), Finn, "exit", "admit");

        // November 2023: two entries and an exit; two refusals, one on C as proposed, one on B and C (a forged
        // passport); one referral to second line; three asylum applications (the airport received them throughout).
        await CheckAsync(await At(2023, 11, 1, 8), Finn, "entry", "admit");
        await CheckAsync(await At(2023, 11, 15, 12), Finn, "exit", "admit");
        await CheckAsync(await At(2023, 11, 30, 23), Finn, "entry", "admit");
        await CheckAsync(await At(2023, 11, 18, 14), Russian, "entry", "refuse");
        await CheckAsync(await At(2023, 11, 18, 15), Russian, "entry", "refuse", ["B", "C"]);
        await CheckAsync(await At(2023, 11, 19, 7), Russian, "entry", "refer");
        var registered = await (await At(2023, 11, 18, 16)).PostAsJsonAsync(
            "/api/v1/asylum-applications",
            new { crossingPoint = "HEL", applicants = new[] { "SYR", "SYR", "YEM" }.Select(n => new { name = "Test Person", nationality = n, arrivedBy = "other" }) },
            Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        // Outside the month: the last day of October and the first of December 2023.
        await CheckAsync(await At(2023, 10, 31, 23), Finn, "exit", "admit");
        await CheckAsync(await At(2023, 12, 1, 0), Finn, "exit", "admit");
    }

    [Fact]
    public async Task TheReviewOfNovember2023_MatchesTheFiguresWorkedByHand()
    {
        await RecordNovembersAsync();
        var analyst = await app.As(Roles.Analyst);

        var review = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/reviews/monthly?month=2023-11&crossingPoint=HEL", Ct);

        Assert.Equal("2023-11", review.GetProperty("month").GetString());
        Assert.Equal("2022-11", review.GetProperty("sameMonthLastYear").GetString());
        Assert.Equal("2021-11", review.GetProperty("sameMonthTwoYearsAgo").GetString());
        var row = Assert.Single(review.GetProperty("crossingPoints").EnumerateArray());
        Assert.Equal("HEL", row.GetProperty("crossingPoint").GetString());
        Assert.Equal(3, row.GetProperty("crossings").GetInt64()); // 2 entries + 1 exit
        Assert.Equal(2, row.GetProperty("crossingsLastYear").GetInt64());
        Assert.Equal(1, row.GetProperty("crossingsTwoYearsAgo").GetInt64());
        Assert.Equal(50.0, row.GetProperty("changeFromLastYear").GetDouble()); // (3 − 2) / 2
        Assert.Equal(2, row.GetProperty("entries").GetInt64());
        Assert.Equal(1, row.GetProperty("exits").GetInt64());
        Assert.Equal(2, row.GetProperty("refusals").GetInt64());
        var reason = row.GetProperty("mostCommonRefusalReason");
        Assert.Equal("C", reason.GetProperty("letter").GetString()); // C twice, B once
        Assert.Equal(2, reason.GetProperty("count").GetInt64());
        Assert.Equal("Has no valid visa or residence permit.", reason.GetProperty("reason").GetString());
        Assert.Equal(1, row.GetProperty("forgedDocuments").GetInt64());
        Assert.Equal(1, row.GetProperty("secondLineReferrals").GetInt64());
        Assert.Equal(3, row.GetProperty("asylumApplications").GetInt64());
        Assert.Equal(0, row.GetProperty("irregularArrivals").GetInt64());
        Assert.Equal(3, review.GetProperty("total").GetProperty("crossings").GetInt64());
    }

    [Fact]
    public async Task TheReviewAsCsv_HasALinePerCrossingPointAndTheTotal()
    {
        await RecordNovembersAsync();
        var analyst = await app.As(Roles.Analyst);

        var response = await analyst.GetAsync("/api/v1/reviews/monthly.csv?month=2023-11&crossingPoint=HEL", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("crossing_point,name,crossings_2023-11,crossings_2022-11,crossings_2021-11,change_from_last_year_percent,", lines[0], StringComparison.Ordinal);
        Assert.Equal("HEL,Helsinki Airport,3,2,1,50.0,2,1,2,C,2,1,1,3,0", lines[1]);
        Assert.StartsWith("ALL,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyFigures_EveryDayForEveryCrossingPoint_ZeroWhereNothingWasRecorded()
    {
        await RecordNovembersAsync();
        var analyst = await app.As(Roles.Analyst);

        var days = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics/daily?from=2023-11-17&to=2023-11-19&crossingPoint=HEL", Ct);
        var all = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics/daily?from=2023-11-17&to=2023-11-19", Ct);
        var points = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/crossing-points", Ct);

        Assert.Equal(["2023-11-17", "2023-11-18", "2023-11-19"], days.EnumerateArray().Select(d => d.GetProperty("date").GetString()!).ToArray());
        var eighteenth = days[1];
        Assert.Equal("HEL", eighteenth.GetProperty("crossingPoint").GetString());
        Assert.Equal(0, eighteenth.GetProperty("entries").GetInt64());
        Assert.Equal(0, eighteenth.GetProperty("exits").GetInt64());
        Assert.Equal(2, eighteenth.GetProperty("refusals").GetInt64());
        Assert.Equal(3, eighteenth.GetProperty("asylumApplications").GetInt64());
        Assert.Equal(0, eighteenth.GetProperty("irregularArrivals").GetInt64());
        Assert.Equal(0, days[0].GetProperty("refusals").GetInt64());
        Assert.Equal(3 * points.GetArrayLength(), all.GetArrayLength());
        Assert.Equal(2, all.EnumerateArray().Where(d => d.GetProperty("date").GetString() == "2023-11-18").Sum(d => d.GetProperty("refusals").GetInt64()));
    }

    [Fact]
    public async Task BadParameters_AreNamed_AndOfficersAreRefused()
    {
        var analyst = await app.As(Roles.Analyst);

        var month = await analyst.GetAsync("/api/v1/reviews/monthly?month=2023-13&crossingPoint=HEL", Ct);
        var point = await analyst.GetAsync("/api/v1/reviews/monthly.csv?month=2023-11&crossingPoint=XYZ", Ct);
        var period = await analyst.GetAsync("/api/v1/statistics/daily?from=2023-11-30&to=2023-11-01", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, month.StatusCode);
        Assert.True((await month.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("month", out _));
        Assert.Equal(HttpStatusCode.BadRequest, point.StatusCode);
        Assert.Contains("There is no crossing point XYZ", (await point.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("crossingPoint")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, period.StatusCode);
        Assert.True((await period.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("to", out _));

        var officer = await app.As(Roles.Officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/reviews/monthly?month=2023-11", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/statistics/daily?from=2023-11-01&to=2023-11-02", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/reviews/monthly.csv?month=2023-11", Ct)).StatusCode);
    }
}

public sealed class MonthlyReviewOnSqlite(SqliteApp app) : MonthlyReviewTests<SqliteApp>(app);

public sealed class MonthlyReviewOnPostgres(PostgresApp app) : MonthlyReviewTests<PostgresApp>(app);

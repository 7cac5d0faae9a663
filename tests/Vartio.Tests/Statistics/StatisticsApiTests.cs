using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Statistics;

/// <summary>
/// Statistics from the counters kept with each write (docs/API.md, "Statistics"). The expected figures are the
/// registrations each test makes itself, in crossing points and days no other test of the class uses.
/// </summary>
public abstract class StatisticsApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private static Instant Local(int year, int month, int day, int hour) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Helsinki).ToInstant();

    private static object Person(string nationality, string arrivedBy) => new { name = "Test Person", nationality, arrivedBy };

    private static async Task RegisterAsync(HttpClient officer, string crossingPoint, params object[] applicants)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/asylum-applications", new { crossingPoint, applicants }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task AsylumApplications_PerDayAndByNationality_WithDaysWithoutAnyAsZero()
    {
        // Vartius received applications from 18 November 2023 (decision of 16 November).
        app.Clock.Reset(Local(2023, 11, 18, 14));
        var vartius = await app.OfficerAtAsync("VAR");
        await RegisterAsync(vartius, "VAR", Person("SYR", "bicycle"), Person("SYR", "bicycle"), Person("SOM", "foot"));
        app.Clock.Reset(Local(2023, 11, 20, 9));
        await RegisterAsync(vartius, "VAR", Person("YEM", "bicycle"));
        var analyst = await app.As(Roles.Analyst);

        var days = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=asylumApplication&crossingPoint=VAR&from=2023-11-17&to=2023-11-20&by=nationality", Ct);

        var series = Assert.Single(days.GetProperty("series").EnumerateArray());
        Assert.Equal(4, series.GetProperty("total").GetInt64());
        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2023-11-17", "2023-11-18", "2023-11-19", "2023-11-20"], points.Select(p => p.GetProperty("period").GetString()!).ToArray());
        Assert.Equal([0L, 3L, 0L, 1L], points.Select(p => p.GetProperty("count").GetInt64()).ToArray());
        Assert.Equal(2, points[1].GetProperty("breakdown").GetProperty("SYR").GetInt64());
        Assert.Equal(1, points[1].GetProperty("breakdown").GetProperty("SOM").GetInt64());

        var hours = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=asylumApplication&crossingPoint=VAR&from=2023-11-18&to=2023-11-18&granularity=hour", Ct);
        var fourteen = hours.GetProperty("series")[0].GetProperty("points").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "2023-11-18T14");
        Assert.Equal(3, fourteen.GetProperty("count").GetInt64());

        // 13–20 November 2023 is ISO week 46 (Monday 13 November); the month sums everything.
        var weeks = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=asylumApplication&crossingPoint=VAR&from=2023-11-13&to=2023-11-30&granularity=week&by=arrivedBy", Ct);
        var week46 = weeks.GetProperty("series")[0].GetProperty("points")[0];
        Assert.Equal("2023-W46", week46.GetProperty("period").GetString());
        Assert.Equal(3, week46.GetProperty("count").GetInt64());
        Assert.Equal(2, week46.GetProperty("breakdown").GetProperty("bicycle").GetInt64());
        var month = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=asylumApplication&crossingPoint=VAR&from=2023-11-01&to=2023-11-30&granularity=month", Ct);
        Assert.Equal(4, month.GetProperty("series")[0].GetProperty("points")[0].GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task IrregularArrivals_AreCountedWhereTheyArrived_AndConcurrentWritesExactly()
    {
        // Nuijamaa was closed from 18 November 2023: people arriving there were directed elsewhere (4 on 18 Nov).
        app.Clock.Reset(Local(2023, 11, 18, 11));
        var nuijamaa = await app.OfficerAtAsync("NUI");
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => RegisterAsync(nuijamaa, "NUI", Person("IRQ", "foot"))));
        var analyst = await app.As(Roles.Analyst);

        var result = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=irregularArrival&crossingPoint=NUI&from=2023-11-18&to=2023-11-18&split=true", Ct);

        var series = Assert.Single(result.GetProperty("series").EnumerateArray());
        Assert.Equal("NUI", series.GetProperty("crossingPoint").GetString());
        Assert.Equal(12, series.GetProperty("total").GetInt64());
        var applications = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=asylumApplication&crossingPoint=NUI&from=2023-11-18&to=2023-11-18", Ct);
        Assert.Equal(0, applications.GetProperty("series")[0].GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task ADecidedCheck_CountsItsRecord_ByNationality_AndARefusalByItsLetters()
    {
        // A Russian passport without a visa is refused on C (Regulation (EU) 2018/1806, Annex I); a Finnish one
        // is admitted (zones written with ICAO Doc 9303 Part 3's check digits, as in the check tests).
        app.Clock.Reset(Local(2026, 1, 14, 10));
        var officer = await app.OfficerAtAsync("HEL");
        await DecideAsync(officer, ["P<RUSIVANOV<<PETR<<<<<<<<<<<<<<<<<<<<<<<<<<<", "7512345672RUS8503150M3001019<<<<<<<<<<<<<<06"], "refuse");
        await DecideAsync(officer, ["P<FINVIRTANEN<<MATTI<<<<<<<<<<<<<<<<<<<<<<<<", "XP12345674FIN8001014M3201015<<<<<<<<<<<<<<04"], "admit");
        var analyst = await app.As(Roles.Analyst);

        var refusals = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=refusal&crossingPoint=HEL&from=2026-01-14&to=2026-01-14&by=reason", Ct);
        var entries = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=entry&crossingPoint=HEL&from=2026-01-14&to=2026-01-14&by=nationality", Ct);

        var refusal = refusals.GetProperty("series")[0].GetProperty("points")[0];
        Assert.Equal(1, refusal.GetProperty("count").GetInt64());
        Assert.Equal(1, refusal.GetProperty("breakdown").GetProperty("C").GetInt64());
        var entry = entries.GetProperty("series")[0].GetProperty("points")[0];
        Assert.Equal(1, entry.GetProperty("count").GetInt64());
        Assert.Equal(1, entry.GetProperty("breakdown").GetProperty("FIN").GetInt64());

        // In nationality groups: a Finn has the Union right of free movement; a Russian needs a visa (Annex I).
        var entryGroups = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=entry&crossingPoint=HEL&from=2026-01-14&to=2026-01-14&by=nationalityGroup", Ct);
        var refusalGroups = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/statistics?measure=refusal&crossingPoint=HEL&from=2026-01-14&to=2026-01-14&by=nationalityGroup&granularity=hour", Ct);
        Assert.Equal("""{"freeMovement":1}""", entryGroups.GetProperty("series")[0].GetProperty("points")[0].GetProperty("breakdown").GetRawText());
        var hour = refusalGroups.GetProperty("series")[0].GetProperty("points").EnumerateArray().Single(p => p.GetProperty("count").GetInt64() > 0);
        Assert.Equal("""{"visaRequired":1}""", hour.GetProperty("breakdown").GetRawText());
    }

    private static async Task DecideAsync(HttpClient officer, string[] zone, string outcome)
    {
        var check = await officer.PostAsJsonAsync("/api/v1/checks", new { crossingPoint = "HEL", direction = "entry", document = new { mrz = zone }, findings = new { purposeJustified = true, sufficientMeans = true } }, Ct);
        Assert.Equal(HttpStatusCode.Created, check.StatusCode);
        var id = (await check.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var decided = await officer.PostAsJsonAsync($"/api/v1/checks/{id}/outcome", new { outcome }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
    }

    [Fact]
    public async Task BadParameters_AreNamed_AndOfficersAreRefused()
    {
        var analyst = await app.As(Roles.Analyst);
        var response = await analyst.GetAsync("/api/v1/statistics?measure=crossings&from=2023-13-01&to=2023-11-01&granularity=fortnight&by=age", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "measure", "from", "granularity", "by" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no problem for {field}: {errors}");
        }

        var hourly = await analyst.GetAsync("/api/v1/statistics?measure=entry&from=2023-01-01&to=2023-12-31&granularity=hour", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, hourly.StatusCode);

        var officer = await app.As(Roles.Officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/statistics?measure=entry&from=2023-01-01&to=2023-01-31", Ct)).StatusCode);
    }
}

public sealed class StatisticsApiOnSqlite(SqliteApp app) : StatisticsApiTests<SqliteApp>(app);

public sealed class StatisticsApiOnPostgres(PostgresApp app) : StatisticsApiTests<PostgresApp>(app);

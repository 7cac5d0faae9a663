using System.Net;
using System.Text.RegularExpressions;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Stays;

/// <summary>The public page "How long may I stay?", posted as a browser without scripts posts it.</summary>
public abstract partial class StayPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePageOffersRowsForStaysAndADateWithoutSignIn()
    {
        var html = await app.Anonymous().GetStringAsync("/stay", Ct);

        Assert.Contains("How long may I stay?", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Date\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Stays[4].Exit\"", html, StringComparison.Ordinal);
        // "Today" on the fixed clock, 15 January 2026, is the default date.
        Assert.Contains("value=\"2026-01-15\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStayPageAnswersBothQuestionsWithATimeline()
    {
        var (status, html) = await SubmitAsync("assess", new Dictionary<string, string>
        {
            ["Form.Date"] = "2015-01-01",
            ["Form.Stays[0].Entry"] = "2014-08-15",
            ["Form.Stays[0].Exit"] = "2014-09-30",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("47 of 90 days used", html, StringComparison.Ordinal);
        Assert.Contains("You may stay 90 days, until 31 March 2015", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"control-timeline\"", html, StringComparison.Ordinal);
        Assert.Contains("tl-run tl-counted", html, StringComparison.Ordinal);
        Assert.Contains("tl-run tl-planned", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DaysUnderAResidencePermitAreLeftOutAndDrawnApart()
    {
        // 15 August – 30 September 2014 is 47 days; without 1–10 September, 37 in the window of 1 January.
        var (_, html) = await SubmitAsync("assess", new Dictionary<string, string>
        {
            ["Form.Date"] = "2015-01-01",
            ["Form.Stays[0].Entry"] = "2014-08-15",
            ["Form.Stays[0].Exit"] = "2014-09-30",
            ["Form.Excluded[0].From"] = "2014-09-01",
            ["Form.Excluded[0].To"] = "2014-09-10",
        });

        Assert.Contains("37 of 90 days used", html, StringComparison.Ordinal);
        Assert.Contains("tl-run tl-excluded", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2014-09-10\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStayPageNamesTheRowOfARejectedStay()
    {
        var (_, html) = await SubmitAsync("assess", new Dictionary<string, string>
        {
            ["Form.Date"] = "2024-03-01",
            ["Form.Stays[0].Entry"] = "2024-01-01",
            ["Form.Stays[0].Exit"] = "2024-01-20",
            ["Form.Stays[1].Entry"] = "",
            ["Form.Stays[1].Exit"] = "",
            ["Form.Stays[2].Entry"] = "2024-01-15",
            ["Form.Stays[2].Exit"] = "2024-02-01",
        });

        Assert.Contains("Stay 3: The stay 2024-01-15 – 2024-02-01 overlaps", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATravellerInTheAreaGetsTheControlAnswerAndANoteAboutPlanning()
    {
        // In the area since 1 March 2024: 90 days end on 29 May 2024 (31 + 30 + 29).
        var (_, html) = await SubmitAsync("assess", new Dictionary<string, string>
        {
            ["Form.Date"] = "2024-04-09",
            ["Form.Stays[0].Entry"] = "2024-03-01",
            ["Form.Stays[0].Exit"] = "",
        });

        Assert.Contains("40 of 90 days used", html, StringComparison.Ordinal);
        Assert.Contains("You may stay until <strong>29 May 2024</strong>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stay-plan-note\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"stay-plan\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreRowsAddsEmptyRowsAndKeepsWhatWasTyped()
    {
        var fields = new Dictionary<string, string> { ["Form.Date"] = "2024-04-09" };
        for (var i = 0; i < 5; i++)
        {
            fields[$"Form.Stays[{i}].Entry"] = i == 0 ? "2024-03-01" : "";
            fields[$"Form.Stays[{i}].Exit"] = i == 0 ? "2024-03-05" : "";
        }

        var (_, html) = await SubmitAsync("more", fields);

        Assert.Contains("name=\"Form.Stays[7].Entry\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2024-03-05\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"stay-control\"", html, StringComparison.Ordinal);
    }

    /// <summary>Posts the form with a button (<c>assess</c> or <c>more</c>), as a browser without scripts does.</summary>
    private async Task<(HttpStatusCode Status, string Html)> SubmitAsync(string action, Dictionary<string, string> fields)
    {
        var client = app.Anonymous();
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = "stay",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client),
            ["Form.Action"] = action,
        };
        var response = await client.PostAsync("/stay", new FormUrlEncodedContent(form), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/stay", Ct);
        return WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryField();
}

public sealed class StayPageOnSqlite(SqliteApp app) : StayPageTests<SqliteApp>(app);

public sealed class StayPageOnPostgres(PostgresApp app) : StayPageTests<PostgresApp>(app);

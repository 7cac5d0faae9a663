using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Vartio.Domain.CrossingPoints;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Hosting;

/// <summary>The pages' texts exist in every language, and each language is what the visitor asked for.</summary>
public sealed partial class LanguageTests
{
    private static readonly string Resources = Path.Combine(Repository.Root, "src", "Vartio", "Resources");

    private static Dictionary<string, string> Texts(string language) =>
        XDocument.Load(Path.Combine(Resources, language == Languages.Default ? "PageText.resx" : $"PageText.{language}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b(?:L|text)\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Used();

    public static TheoryData<string> OtherLanguages() => [.. Languages.All.Select(l => l.Code).Where(c => c != Languages.Default)];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void EveryText_IsWrittenInEveryLanguage_WithTheSamePlaceholders(string language)
    {
        var english = Texts(Languages.Default);
        var other = Texts(language);

        Assert.Empty(english.Keys.Except(other.Keys).Select(k => $"missing in {language}: {k}"));
        Assert.Empty(other.Keys.Except(english.Keys).Select(k => $"only in {language}: {k}"));
        foreach (var (key, value) in other)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"empty in {language}: {key}");
            var expected = Placeholder().Matches(english[key]).Select(m => m.Value).Order().ToList();
            var actual = Placeholder().Matches(value).Select(m => m.Value).Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"{language}: '{value}' has {string.Join(" ", actual)}, English '{english[key]}' has {string.Join(" ", expected)}");
        }
    }

    [Fact]
    public void EveryTextThePagesAskFor_IsInTheEnglishResource()
    {
        var english = Texts(Languages.Default);
        var source = Path.Combine(Repository.Root, "src", "Vartio");
        var asked = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Used().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .ToList();

        // Texts looked up by a value: the traffic a crossing point serves, the states.
        var byValue = Enum.GetValues<Traffic>().Where(t => t != Traffic.None && (t & (t - 1)) == 0).Select(t => Vartio.CrossingPoints.Pages.StatusWords.Traffic(TrafficNames.NameOf(t)))
            .Concat(Enum.GetValues<CrossingPointState>().Select(Vartio.CrossingPoints.Pages.StatusWords.StateName));

        Assert.NotEmpty(asked);
        Assert.Empty(asked.Where(a => !english.ContainsKey(a.Key)).Select(a => $"{a.File}: {a.Key}"));
        Assert.Equal([], byValue.Where(k => !english.ContainsKey(k)).ToList());
    }
}

/// <summary>The language a visitor gets, on pages and in problem details, against the running server.</summary>
public sealed class LanguageApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PageAsync(HttpClient client, string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    // The decision of 28 November 2023 closed Raja-Jooseppi until 13 December 2023 (DOMAIN.md §3); on 1 December the
    // land border was closed to travellers, Vainikkala open for rail freight only.
    [InlineData("fi", "Kaikki maarajan rajanylityspaikat ovat suljettuina matkustajilta.", "13. joulukuuta 2023 asti")]
    [InlineData("sv", "Alla gränsövergångsställen på land är stängda för resenärer.", "till och med 13 december 2023")]
    [InlineData("ru", "Все сухопутные пункты пропуска закрыты для путешественников.", "по 13 декабря 2023 включительно")]
    [InlineData("en", "All land crossing points are closed to travellers.", "until 13 December 2023")]
    public async Task TheStatusPage_SpeaksTheBrowsersLanguage_WithDatesAsItWritesThem(string language, string summary, string until)
    {
        var page = await PageAsync(app.Anonymous(), "/?at=2023-12-01T12:00", language);

        Assert.Contains($"<html lang=\"{language}\">", page, StringComparison.Ordinal);
        Assert.Contains(summary, page, StringComparison.Ordinal);
        Assert.Contains(until, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSwitch_IsRemembered_OverTheBrowsersPreference_AndGoesBackOnlyToThisSite()
    {
        var client = app.Anonymous();

        var switched = await client.GetAsync("/language/sv?returnUrl=%2Fannouncements", Ct);
        var page = await PageAsync(client, "/", "fi");
        var elsewhere = await client.GetAsync("/language/ru?returnUrl=%2F%2Fexample.org%2F", Ct);
        var unknown = await client.GetAsync("/language/xx?returnUrl=%2F", Ct);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/announcements", switched.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"sv\">", page, StringComparison.Ordinal);
        Assert.Contains("Gränsövergångsställen", page, StringComparison.Ordinal);
        Assert.Equal("/", elsewhere.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ProblemDetails_FollowAcceptLanguage_ButFieldNamesNever()
    {
        var analyst = await app.As(Roles.Analyst);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statistics/daily?from=2023-13-01&to=2023-11-30");
        request.Headers.AcceptLanguage.ParseAdd("fi-FI, fi;q=0.9, en;q=0.5");

        var response = await analyst.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("fi", response.Content.Headers.ContentLanguage.SingleOrDefault() ?? response.Headers.GetValues("Content-Language").Single());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Päivittäisiä lukuja ei voida antaa", problem.GetProperty("title").GetString());
        Assert.Equal("from: Anna päivämäärä muodossa VVVV-KK-PP (paikallinen päivämäärä rajanylityspaikoilla).", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task TheFeedsOwnTexts_FollowTheReader_AndTheFeedSaysWhichLanguageIsIn()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/announcements.atom");
        request.Headers.AcceptLanguage.ParseAdd("sv");

        var response = await app.Anonymous().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("sv", (string?)feed.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("Vartio: meddelanden om gränsövergångsställen", (string?)feed.Element(atom + "title"));
    }

    [Theory]
    // On 20 November 2023 Vaalimaa was closed (decision of 16 November); great-circle distances from the seeded
    // coordinates (OpenNearbyTests): Santio 17.2 km, Helsinki Airport 159.2 km, Vartius 453.0 km.
    [InlineData("en", "Nearest open to travellers (in a straight line): by sea Santio (about 17 km); by air Helsinki Airport (about 159 km); by road Vartius (about 453 km).")]
    [InlineData("fi", "Lähimmät matkustajille avoimet rajanylityspaikat (linnuntietä): meritse Santio (noin 17 km); lentäen Helsinki-Vantaan lentoasema (noin 159 km); maanteitse Vartius (noin 453 km).")]
    public async Task AClosedCrossingPoint_SaysWhereTravellersMayStillCross(string language, string nearest)
    {
        var page = await PageAsync(app.Anonymous(), "/?at=2023-11-20T12:00", language);

        var vaalimaa = page[page.IndexOf("data-code=\"VAA\"", StringComparison.Ordinal)..page.IndexOf("data-code=\"VAI\"", StringComparison.Ordinal)];
        Assert.Contains(nearest, vaalimaa, StringComparison.Ordinal);
    }
}

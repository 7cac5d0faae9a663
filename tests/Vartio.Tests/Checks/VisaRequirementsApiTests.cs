using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Checks;

/// <summary>
/// The visa lists of Regulation (EU) 2018/1806 as Admins keep them (docs/API.md, "Border checks"): shipped with
/// Vartio, replaced all at once as the regulation is amended, and applied by the next check.
/// </summary>
public abstract class VisaRequirementsApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A Russian citizen's passport, no visa: Russia is in Annex I of the shipped lists.</summary>
    private static readonly object RussianWithoutVisa = new
    {
        crossingPoint = "HEL",
        direction = "entry",
        document = new { fields = new { documentCode = "P", issuingState = "RUS", number = "759870001", primaryIdentifier = "ORLOV", secondaryIdentifier = "OLEG", nationality = "RUS", dateOfBirth = "1980-05-05", sex = "M", dateOfExpiry = "2033-01-01" } },
        findings = new { purposeJustified = true, sufficientMeans = true },
    };

    [Fact]
    public async Task ShippedLists_AreReadableByAnyone_WithRussiaInAnnexI()
    {
        var lists = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/visa-requirements", Ct);

        Assert.False(lists.GetProperty("edited").GetBoolean());
        var russia = lists.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("country").GetString() == "RUS").ToList();
        Assert.Contains(russia, e => e.GetProperty("annex").GetString() == "annexI" && e.GetProperty("until").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task AdminReplacesTheLists_TheNextCheckAppliesThem_AndAnEmptyListRestoresTheShippedOnes()
    {
        var admin = await app.As(Roles.Admin);
        var officer = await app.As(Roles.Officer);
        Assert.Equal("refuse", (await CheckAsync(officer)).GetProperty("proposedOutcome").GetString());
        var auditBefore = await app.WithDbAsync(db => db.AuditLog.CountAsync(Ct));

        // A made-up amendment that moves Russia to Annex II from 1 January 2026.
        var replaced = await admin.PutAsJsonAsync("/api/v1/visa-requirements", new
        {
            entries = new object[]
            {
                new { country = "RUS", annex = "annexI", until = "2025-12-31", source = "Regulation (EU) 2018/1806, Annex I" },
                new { country = "RUS", annex = "annexII", from = "2026-01-01", source = "A test amendment, 1 January 2026" },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.True((await replaced.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("edited").GetBoolean());
        Assert.Equal(auditBefore + 1, await app.WithDbAsync(db => db.AuditLog.CountAsync(Ct)));

        var exempt = await CheckAsync(officer);
        Assert.NotEqual("fail", exempt.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "visa.required").GetProperty("result").GetString());
        Assert.Equal("admit", exempt.GetProperty("proposedOutcome").GetString());

        var restored = await admin.PutAsJsonAsync("/api/v1/visa-requirements", new { entries = Array.Empty<object>() }, Ct);
        Assert.False((await restored.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("edited").GetBoolean());
        Assert.Equal("refuse", (await CheckAsync(officer)).GetProperty("proposedOutcome").GetString());
    }

    [Fact]
    public async Task ListsThatContradictThemselves_AreRefusedNamingTheEntry_AndNothingChanges()
    {
        var admin = await app.As(Roles.Admin);
        var response = await admin.PutAsJsonAsync("/api/v1/visa-requirements", new
        {
            entries = new object[]
            {
                new { country = "RUS", annex = "annexI", source = "Annex I" },
                new { country = "RUS", annex = "annexII", from = "2026-01-01", source = "Overlaps the first" },
                new { country = "ZZZ", annex = "annexIII", from = "2026-13-01", source = "" },
            },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "entries[2].annex", "entries[2].from", "entries[2].source" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named");
        }

        Assert.False((await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/visa-requirements", Ct)).GetProperty("edited").GetBoolean());
    }

    [Fact]
    public async Task Officer_MayNotReplaceTheLists()
    {
        var officer = await app.As(Roles.Officer);
        var response = await officer.PutAsJsonAsync("/api/v1/visa-requirements", new { entries = Array.Empty<object>() }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonElement> CheckAsync(HttpClient officer)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/checks", RussianWithoutVisa, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement;
    }
}

public sealed class VisaRequirementsApiOnSqlite(SqliteApp app) : VisaRequirementsApiTests<SqliteApp>(app);

public sealed class VisaRequirementsApiOnPostgres(PostgresApp app) : VisaRequirementsApiTests<PostgresApp>(app);

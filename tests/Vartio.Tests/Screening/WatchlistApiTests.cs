using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vartio.Data;
using Vartio.Hosting;
using Vartio.Screening;
using Vartio.Tests.Infrastructure;
using static Vartio.Tests.Infrastructure.Cli;

namespace Vartio.Tests.Screening;

/// <summary>
/// Importing watchlists and screening travellers against them through the server, and importing from the command
/// line, on each database. Each test imports into a list of its own and looks only at that list's hits.
/// </summary>
public abstract class WatchlistApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until";

    // ICAO Doc 9303 Part 3, Cyrillic table: Щербаков is Shcherbakov (Щ → SHCH); Алексей is Aleksei there.
    private static readonly string FirstVersion = $"""
        {Header}
        R-1,refusal-of-entry,Щербаков Алексей,,1975-03-02,RUS,,SIS alert,,
        R-2,refusal-of-entry,Olena Kovalenko,Олена Коваленко,1988,UKR,,national ban,,
        R-3,wanted-person,Muhammad Abdul Rahman Al-Hassan,,1969,SYR,,Europol,,
        """;

    [Fact]
    public async Task AnOfficer_FindsACyrillicEntry_ByItsIcaoSpelling()
    {
        var admin = await app.As(Roles.Admin);
        var imported = await ImportAsync(admin, "translit", FirstVersion);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var hits = await ScreenAsync(await app.As(Roles.Officer), "translit", new { name = "Shcherbakov Aleksei", birthDate = "1975-03-02", nationality = "RUS" });

        var hit = Assert.Single(hits);
        Assert.Equal("R-1", hit.GetProperty("id").GetString());
        Assert.Equal("refusal-of-entry", hit.GetProperty("kind").GetString());
        Assert.Equal("Щербаков Алексей", hit.GetProperty("name").GetString());
        Assert.InRange(hit.GetProperty("score").GetDouble(), 0.86, 1.0);
        Assert.Contains("transliteration", hit.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReimport_ReportsExactCounts_AndTheIndexFollowsIt()
    {
        var admin = await app.As(Roles.Admin);
        var officer = await app.As(Roles.Officer);
        Assert.Equal((3, 0, 0, 0), Counts(await ImportedAsync(admin, "reimport", FirstVersion)));

        // The same file again changes nothing, and is still recorded.
        var same = await ImportedAsync(admin, "reimport", FirstVersion);
        Assert.Equal((0, 0, 0, 3), Counts(same));
        Assert.Equal(1, same.GetProperty("revision").GetInt64());

        // R-2 renamed, R-3 gone, R-4 new.
        var second = $"""
            {Header}
            R-1,refusal-of-entry,Щербаков Алексей,,1975-03-02,RUS,,SIS alert,,
            R-2,refusal-of-entry,Oksana Melnyk,,1988,UKR,,national ban,,
            R-4,wanted-person,Ivan Petrovich Sidorenko,,1960,UKR,,Interpol,,
            """;
        var changed = await ImportedAsync(admin, "reimport", second);
        Assert.Equal((1, 1, 1, 1), Counts(changed));
        Assert.Equal(3, changed.GetProperty("entries").GetInt32());

        Assert.Equal("R-2", Assert.Single(await ScreenAsync(officer, "reimport", new { name = "Oksana Melnyk" })).GetProperty("id").GetString());
        Assert.Empty(await ScreenAsync(officer, "reimport", new { name = "Olena Kovalenko" }));
        Assert.Empty(await ScreenAsync(officer, "reimport", new { name = "Muhammad Abdul Rahman Al-Hassan" }));
        Assert.Equal("R-4", Assert.Single(await ScreenAsync(officer, "reimport", new { name = "Sidorenko Ivan" })).GetProperty("id").GetString());

        // The history, newest first.
        var list = await ListAsync(admin, "reimport");
        Assert.Equal(3, list.GetProperty("entries").GetInt32());
        Assert.Equal(3, list.GetProperty("indexedEntries").GetInt32());
        var history = list.GetProperty("imports").EnumerateArray().ToList();
        Assert.Equal(3, history.Count);
        Assert.Equal([1, 0, 3], history.Select(i => i.GetProperty("added").GetInt32()));
        Assert.Equal("user:test-admin", history[0].GetProperty("actor").GetString());
        Assert.Equal("vartio", history[0].GetProperty("format").GetString());
    }

    [Fact]
    public async Task AnImport_IsAudited_WithCountsOnly()
    {
        var admin = await app.As(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, "audited", FirstVersion)).StatusCode);

        var entry = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Subject == "watchlist:audited").SingleAsync(Ct));
        Assert.Equal("watchlist.imported", entry.Action);
        Assert.Equal("user:test-admin", entry.Actor);
        Assert.Equal("added 3, updated 0, removed 0, unchanged 0", entry.Detail);
        var verification = await app.WithDbAsync(db => db.VerifyAsync(Ct));
        Assert.Null(verification.Break);
    }

    [Fact]
    public async Task AMalformedFile_IsRefusedNamingItsLine_AndNothingChanges()
    {
        var admin = await app.As(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, "malformed", FirstVersion)).StatusCode);
        var before = await ListAsync(admin, "malformed");

        var broken = $"""
            {Header}
            R-1,refusal-of-entry,Someone Else,,1975-03-02,RUS,,SIS alert,,
            R-9,refusal-of-entry,Another Person,,1975-13-45,RUS,,SIS alert,,
            """;
        var response = await ImportAsync(admin, "malformed", broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await ReadAsync(response)).GetProperty("problems")[0];
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Equal("birth_date", problem.GetProperty("field").GetString());

        await AssertUnchangedAsync(admin, "malformed", before);
        Assert.Equal("R-1", Assert.Single(await ScreenAsync(await app.As(Roles.Officer), "malformed", new { name = "Shcherbakov Aleksei" })).GetProperty("id").GetString());
        Assert.Equal("Щербаков Алексей", await app.WithDbAsync(db => db.WatchlistEntries.Where(e => e.EntryId == "R-1" && db.Watchlists.Any(w => w.Id == e.WatchlistId && w.Name == "malformed")).Select(e => e.Name).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ADuplicateId_AndValuesTooLongToStore_AreRefusedWithTheirLines_AndNothingChanges()
    {
        var admin = await app.As(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, "duplicates", FirstVersion)).StatusCode);
        var before = await ListAsync(admin, "duplicates");

        var broken = $"""
            {Header}
            R-1,refusal-of-entry,Щербаков Алексей,,1975-03-02,RUS,,SIS alert,,
            R-4,wanted-person,Ivan Petrovich Sidorenko,,1960,UKR,,"Interpol,
            red notice",,
            R-5,refusal-of-entry,{new string('a', 1001)},,,,,,,
            R-1,refusal-of-entry,Someone Else,,1975-03-02,RUS,,SIS alert,,
            {new string('R', 201)},refusal-of-entry,Oksana Melnyk,,1988,UKR,,national ban,,
            """;
        using var response = await ImportAsync(admin, "duplicates", broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await ReadAsync(response)).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("field").GetString(), p.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal(
            [
                (5, "name", "the name is longer than 1000 characters"),
                (6, "id", "the id 'R-1' is already given to the entry on line 2; each entry needs its own"),
                (7, "id", $"the id '{new string('R', 40)}…' is longer than 200 characters"),
            ],
            problems);

        await AssertUnchangedAsync(admin, "duplicates", before);
        Assert.Empty(await ScreenAsync(await app.As(Roles.Officer), "duplicates", new { name = "Sidorenko Ivan" }));
        Assert.False(await app.WithDbAsync(db => db.WatchlistEntries.AnyAsync(e => e.EntryId == "R-4" && db.Watchlists.Any(w => w.Id == e.WatchlistId && w.Name == "duplicates"), Ct)));
    }

    [Fact]
    public async Task AFileThatIsNotUtf8_IsRefusedWithTheLineAndPositionOfItsFirstInvalidByte_AndNothingChanges()
    {
        var admin = await app.As(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, "latin1", FirstVersion)).StatusCode);
        var before = await ListAsync(admin, "latin1");

        // The same list saved as Latin-1: Щербаков cannot be written in it, Jürgen's ü is the one byte 0xFC.
        byte[] latin1 = [.. Encoding.UTF8.GetBytes(Header + "\n"), .. Encoding.Latin1.GetBytes("R-1,refusal-of-entry,Jürgen Schmidt,,1970,DEU,,,,\n")];
        using var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new("text/csv");
        using var response = await admin.PostAsync("/api/v1/watchlists/latin1/import", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadAsync(response);
        var problem = Assert.Single(body.GetProperty("problems").EnumerateArray());
        Assert.Equal(("name", 2, 23), (problem.GetProperty("field").GetString(), problem.GetProperty("line").GetInt32(), problem.GetProperty("position").GetInt32()));
        Assert.StartsWith("Line 2, position 23 (name): the file is not UTF-8: byte 0xFC", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(admin, "latin1", before);
        Assert.Equal("R-1", Assert.Single(await ScreenAsync(await app.As(Roles.Officer), "latin1", new { name = "Shcherbakov Aleksei" })).GetProperty("id").GetString());
    }

    [Fact]
    public async Task AControlCharacterInAName_IsRefusedWithItsLineAndColumn_AndNothingChanges()
    {
        var admin = await app.As(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, "control", FirstVersion)).StatusCode);
        var before = await ListAsync(admin, "control");

        using var response = await ImportAsync(admin, "control", FirstVersion.Replace("Olena Kovalenko", "Olena\u000BKovalenko", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single((await ReadAsync(response)).GetProperty("problems").EnumerateArray());
        Assert.Equal(("name", 3), (problem.GetProperty("field").GetString(), problem.GetProperty("line").GetInt32()));
        Assert.Equal("Character 6 (U+000B) is a control character or a non-character and cannot be stored", problem.GetProperty("message").GetString());
        await AssertUnchangedAsync(admin, "control", before);
    }

    /// <summary>PostgreSQL's planner statistics are refreshed after a large import (only PostgreSQL keeps them).</summary>
    protected async Task LargeImportRefreshesTheDatabaseStatisticsAsync()
    {
        var admin = await app.As(Roles.Admin);
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < WatchlistImporter.AnalyzeAfterChanges; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"L-{i},refusal-of-entry,Person Number{i},,,,,,,\n");
        }

        var before = await LastAnalyzeAsync();
        Assert.Equal(WatchlistImporter.AnalyzeAfterChanges, (await ImportedAsync(admin, "large", csv.ToString())).GetProperty("added").GetInt32());

        // The statistics view is written when the importing connection reports, shortly after the import.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await LastAnalyzeAsync() is var after && (after is null || after <= before) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        var analysed = await LastAnalyzeAsync();
        Assert.True(analysed is not null && (before is null || analysed > before), $"last_analyze of watchlist_entries went from {before} to {analysed}");

        Task<DateTime?> LastAnalyzeAsync() => app.WithDbAsync(db => db.Database
            .SqlQueryRaw<DateTime?>("SELECT last_analyze AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'watchlist_entries'")
            .SingleAsync(Ct));
    }

    /// <summary>The list's size, revision and import history are as <paramref name="before"/> (from <see cref="ListAsync"/>).</summary>
    private static async Task AssertUnchangedAsync(HttpClient admin, string list, JsonElement before)
    {
        var after = await ListAsync(admin, list);
        Assert.Equal(before.GetProperty("entries").GetInt32(), after.GetProperty("entries").GetInt32());
        Assert.Equal(before.GetProperty("revision").GetInt64(), after.GetProperty("revision").GetInt64());
        Assert.Equal(before.GetProperty("imports").GetArrayLength(), after.GetProperty("imports").GetArrayLength());
    }

    [Fact]
    public async Task AnImport_RefusesAnythingButTextCsv_AndAnUnknownFormat()
    {
        var admin = await app.As(Roles.Admin);
        using var json = await admin.PostAsync("/api/v1/watchlists/formats/import", new StringContent(FirstVersion, Encoding.UTF8, "multipart/form-data"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        var format = await ReadAsync(await ImportAsync(admin, "formats", FirstVersion, "excel"));
        Assert.True(format.GetProperty("errors").TryGetProperty("format", out _));
        var name = await ReadAsync(await ImportAsync(admin, "Not A Name", FirstVersion));
        Assert.True(name.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task ALostDocument_MatchesExactlyOnStateAndNumber_WhateverTheName()
    {
        var admin = await app.As(Roles.Admin);
        var list = $"""
            {Header}
            D-1,lost-or-stolen-document,,,,,FIN:XP1234567,reported stolen 2024-05-01,,
            """;
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, "documents", list)).StatusCode);
        var officer = await app.As(Roles.Officer);

        // Fillers, hyphens and case as an MRZ or an officer may write them.
        var hit = Assert.Single(await ScreenAsync(officer, "documents", new { name = "Matti Meikäläinen", document = new { issuingState = "fin", number = "xp-123 4567<" } }));
        Assert.Equal("D-1", hit.GetProperty("id").GetString());
        Assert.Equal("lost-or-stolen-document", hit.GetProperty("kind").GetString());
        Assert.Equal(1.0, hit.GetProperty("score").GetDouble());
        Assert.Empty(await ScreenAsync(officer, "documents", new { name = "Matti Meikäläinen", document = new { issuingState = "SWE", number = "XP1234567" } }));
    }

    [Fact]
    public async Task AnAnalyst_CannotScreen_NorSeeTheLists()
    {
        var analyst = await app.As(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/screening", new { name = "Shcherbakov Aleksei" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/watchlists", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(Roles.Officer)).GetAsync("/api/v1/watchlists", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/screening", new { name = "Shcherbakov Aleksei" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task AScreening_NamesTheFieldAtFault()
    {
        var officer = await app.As(Roles.Officer);
        using var response = await officer.PostAsJsonAsync("/api/v1/screening", new { name = "Ivan Petrov", birthDate = "1975-02-30", nationality = "FINLAND", threshold = 2 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["birthDate", "nationality", "threshold"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        using var empty = await officer.PostAsJsonAsync("/api/v1/screening", new { }, Ct);
        Assert.True((await ReadAsync(empty)).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task EveryColumn_ReadsBackAsWritten_ByEfCoreAndByTheStartupLoad_AfterAnInsertAndAnUpdate()
    {
        var admin = await app.As(Roles.Admin);
        const string first = $"""
            {Header}
            F-1,refusal-of-entry,Щербаков Алексей,"Shcherbakov Aleksei;Ščerbakov, Aljoša",1975-03-02,RUS;BLR,RUS:7512345;FIN:X:12,,2025-01-31,2031-12-01
            F-2,lost-or-stolen-document,,,,,UKR:FA123456,reported stolen,,
            F-3,wanted-person,Olena Kovalenko,,1988,UKR,,Europol,,2030-06-30
            """;
        Assert.Equal((3, 0, 0, 0), Counts(await ImportedAsync(admin, "columns", first)));
        await AssertStoredAsIndexedAsync();

        // F-1 changes in every multi-valued column and in its dates: rewritten in place by the update.
        var second = first
            .Replace("\"Shcherbakov Aleksei;Ščerbakov, Aljoša\"", "Sherbakov", StringComparison.Ordinal)
            .Replace("RUS;BLR,RUS:7512345;FIN:X:12,,2025-01-31,2031-12-01", "RUS,,SIS alert,,2032-02-29", StringComparison.Ordinal);
        Assert.Equal((0, 1, 0, 2), Counts(await ImportedAsync(admin, "columns", second)));
        await AssertStoredAsIndexedAsync();

        async Task AssertStoredAsIndexedAsync()
        {
            var (rows, loaded) = await app.WithDbAsync(async db =>
            {
                var list = await db.Watchlists.AsNoTracking().SingleAsync(w => w.Name == "columns", Ct);
                var rows = await db.WatchlistEntries.AsNoTracking().Where(e => e.WatchlistId == list.Id).OrderBy(e => e.EntryId).ToListAsync(Ct);
                return (rows, await db.LoadEntriesAsync(list, Ct));
            });

            Assert.Equal(3, rows.Count);
            Assert.All(rows, r => Assert.Equal(Watchlists.HashOf(r), r.ContentHash));
            var expected = rows.Select(r => Describe(r.ToDomain("columns"))).ToList();
            Assert.Equal(expected, loaded.OrderBy(e => e.Id, StringComparer.Ordinal).Select(Describe));
            var indexed = app.App.Services.GetRequiredService<WatchlistScreening>().Lists.Single(l => l.Name == "columns");
            Assert.Equal(3, indexed.Index.Count);
        }

        static string Describe(Vartio.Domain.Screening.WatchlistEntry e) => string.Join(
            " | ",
            e.Id,
            e.Kind,
            e.Name,
            string.Join(";", e.Aliases),
            e.BirthDate,
            string.Join(";", e.Nationalities),
            string.Join(";", e.Documents.Select(d => $"{d.IssuingState}:{d.Number}")),
            e.Reason ?? "(none)",
            e.ValidFrom?.ToString() ?? "(none)",
            e.ValidUntil?.ToString() ?? "(none)");
    }

    [Fact]
    public async Task TheCommandLine_ImportsIntoTheSameDatabase_AndRefusesAMalformedFileWithItsLine()
    {
        app.SkipIfUnavailable();
        var file = Path.Combine(Path.GetTempPath(), $"vartio-watchlist-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(file, FirstVersion, Ct);
            var (exit, output, error) = await RunAsync(["import", "watchlist", file, "--list", "from-cli", .. app.DatabaseArguments]);
            Assert.True(exit == 0, error);
            // Standard output carries the result alone; the progress goes to standard error.
            Assert.Equal($"Imported {Path.GetFileName(file)} into from-cli: added 3, updated 0, removed 0, unchanged 0. The list holds 3 entries.", output.Trim());
            Assert.Contains("Reading ", error, StringComparison.Ordinal);
            Assert.Contains("Writing 3 changes", error, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, FirstVersion.Replace("1975-03-02", "1975-03", StringComparison.Ordinal) + "\nR-5,refusal-of-entry,,,,,,,,\n", Ct);
            (exit, _, error) = await RunAsync(["import", "watchlist", file, "--list", "from-cli", .. app.DatabaseArguments]);
            Assert.Equal(2, exit);
            Assert.Contains("Line 5 (name): a person's entry needs a name.", error, StringComparison.Ordinal);
            Assert.Contains("Nothing was imported.", error, StringComparison.Ordinal);

            // Latin-1, as a spreadsheet may save it: refused with the line and position of the first byte that is not UTF-8.
            await File.WriteAllBytesAsync(file, [.. Encoding.UTF8.GetBytes(FirstVersion + "\n"), .. Encoding.Latin1.GetBytes("R-5,refusal-of-entry,Jürgen Schmidt,,1970,DEU,,,,\n")], Ct);
            (exit, output, error) = await RunAsync(["import", "watchlist", file, "--list", "from-cli", .. app.DatabaseArguments]);
            Assert.Equal(2, exit);
            Assert.Contains("Line 5, position 23 (name): the file is not UTF-8", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Jürgen", await app.WithDbAsync(db => db.WatchlistEntries.Select(e => e.Name).ToListAsync(Ct)));

            var history = await app.WithDbAsync(db => db.WatchlistImports.CountAsync(i => db.Watchlists.Any(w => w.Id == i.WatchlistId && w.Name == "from-cli"), Ct));
            Assert.Equal(1, history);
            var audit = await app.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.Subject == "watchlist:from-cli", Ct));
            Assert.StartsWith("cli:", audit.Actor, StringComparison.Ordinal);

            // The server learns of an import made elsewhere when it next refreshes.
            await app.App.Services.GetRequiredService<WatchlistScreening>().RefreshAsync(Ct);
            Assert.Equal("R-1", Assert.Single(await ScreenAsync(await app.As(Roles.Officer), "from-cli", new { name = "Shcherbakov Aleksei" })).GetProperty("id").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string list, string csv, string format = "vartio") =>
        client.PostAsync($"/api/v1/watchlists/{Uri.EscapeDataString(list)}/import?format={format}", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

    /// <summary>The counts of an import that must succeed.</summary>
    private static async Task<JsonElement> ImportedAsync(HttpClient client, string list, string csv)
    {
        using var response = await ImportAsync(client, list, csv);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static (int Added, int Updated, int Removed, int Unchanged) Counts(JsonElement result) => (
        result.GetProperty("added").GetInt32(),
        result.GetProperty("updated").GetInt32(),
        result.GetProperty("removed").GetInt32(),
        result.GetProperty("unchanged").GetInt32());

    /// <summary>The hits from one list, from a screening of every list.</summary>
    private static async Task<List<JsonElement>> ScreenAsync(HttpClient client, string list, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/screening", request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ReadAsync(response);
        Assert.True(result.TryGetProperty("query", out _));
        return [.. result.GetProperty("hits").EnumerateArray().Where(h => h.GetProperty("list").GetString() == list)];
    }

    private static async Task<JsonElement> ListAsync(HttpClient admin, string name)
    {
        var lists = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/watchlists", Ct)).RootElement;
        return lists.EnumerateArray().Single(l => l.GetProperty("name").GetString() == name);
    }
}

public sealed class WatchlistApiOnSqlite(SqliteApp app) : WatchlistApiTests<SqliteApp>(app);

public sealed class WatchlistApiOnPostgres(PostgresApp app) : WatchlistApiTests<PostgresApp>(app)
{
    [Fact]
    public Task ALargeImport_RefreshesTheDatabaseStatistics() => LargeImportRefreshesTheDatabaseStatisticsAsync();
}

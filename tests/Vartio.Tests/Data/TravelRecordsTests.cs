using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Countries;
using Vartio.Domain.Documents;
using Vartio.Domain.Screening;
using Vartio.Domain.Stays;
using Vartio.Domain.Travellers;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Data;

/// <summary>
/// Travellers, documents, checks and records on each provider: documents matched after normalisation and
/// unique per issuing state, constraints that refuse what the product never writes, records in time order,
/// and the stays the 90/180 rule reads from them.
/// </summary>
public abstract class TravelRecordsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Instant Now = VartioApp.DefaultNow;

    /// <summary>The specimen of ICAO Doc 9303 Part 4 (Utopia, L898902C3), with a number unique per test.</summary>
    private static TravellerIdentity Specimen(string number) => new(
        "ERIKSSON",
        "ANNA MARIA",
        PartialDate.FromDate(new LocalDate(1974, 8, 12)),
        Sex.Female,
        Country.FromAlpha3("UTO"),
        new TravelDocument("P", number, Country.FromAlpha3("UTO"), new LocalDate(2032, 4, 15)));

    private static string NewNumber() => "L" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task ADocument_IsFoundByItsNumberAsTypedOrReadFromTheZone()
    {
        app.SkipIfUnavailable();
        var number = NewNumber();
        var (traveller, document, added) = await app.WithDbAsync(async db =>
        {
            var found = await db.FindOrAddDocumentAsync(Specimen(number), Now, Ct);
            await db.SaveChangesAsync(Ct);
            return found;
        });

        Assert.True(added);
        Assert.Equal(number, document.NormalisedNumber);
        Assert.Equal("1974-08-12", document.BirthDate);
        Assert.Equal("UTO", document.Nationality);

        // Typed in lower case with a space, or read with the zone's fillers: the same document and traveller.
        var typed = number[..4].ToLowerInvariant() + " " + number[4..];
        Assert.Equal(traveller.Id, (await app.WithDbAsync(db => db.FindTravellerByDocumentAsync("uto", typed, Ct)))?.Id);
        Assert.Equal(document.Id, (await app.WithDbAsync(db => db.FindDocumentAsync("UTO", number + "<", Ct)))?.Id);
        var again = await app.WithDbAsync(db => db.FindOrAddDocumentAsync(Specimen(typed), Now, Ct));
        Assert.False(again.Added);
        Assert.Equal(traveller.Id, again.Traveller.Id);

        // Another issuing state's document of the same number is another document.
        Assert.Null(await app.WithDbAsync(db => db.FindDocumentAsync("FIN", number, Ct)));
    }

    [Fact]
    public void NormalisedNumbers_DropFillersAndSpaces_ButKeepLettersThatLookLikeDigits()
    {
        Assert.Equal("L898902C3", TravelDocuments.NormaliseNumber("l898902c<3 "));

        // O and 0 are different characters of a document number (ICAO Doc 9303 Part 3 allows both).
        Assert.NotEqual(TravelDocuments.NormaliseNumber("X0123"), TravelDocuments.NormaliseNumber("XO123"));
    }

    [Fact]
    public async Task TheSameDocumentTwice_IsRefusedByTheDatabase()
    {
        app.SkipIfUnavailable();
        var number = NewNumber();
        await AddTravellerAsync(number);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => AddTravellerAsync(number));
        Assert.Equal(1, await app.WithDbAsync(db => db.TravelDocuments.CountAsync(d => d.NormalisedNumber == number, Ct)));
    }

    [Theory]
    [InlineData("UPDATE checks SET direction = 'sideways'")]
    [InlineData("UPDATE checks SET proposed_outcome = 'maybe'")]
    [InlineData("UPDATE checks SET refusal_reasons = 'CZ'")]
    [InlineData("UPDATE checks SET refusal_reasons = 'c'")]
    [InlineData("UPDATE checks SET late_reason = ''")]
    [InlineData("UPDATE checks SET days_used = -1")]
    [InlineData("UPDATE checks SET final_outcome = 'refuse'")]
    [InlineData("UPDATE checks SET traveller_signed = TRUE")]
    [InlineData("UPDATE border_records SET kind = 'transit'")]
    [InlineData("UPDATE border_records SET kind = 'exit'")]
    [InlineData("UPDATE border_records SET crossing_point_code = 'XYZ'")]
    [InlineData("UPDATE travel_documents SET normalised_number = lower(normalised_number)")]
    [InlineData("UPDATE travel_documents SET normalised_number = normalised_number || '<'")]
    [InlineData("UPDATE travel_documents SET issuing_state = 'fi'")]
    [InlineData("UPDATE travel_documents SET birth_date = '1974-8'")]
    public async Task AValueTheProductNeverWrites_IsRefusedByTheDatabase(string update)
    {
        app.SkipIfUnavailable();
        var (check, record, document) = await AddCheckWithEntryAsync();
        var table = update.Split(' ')[1];
        var id = table switch { "checks" => check, "border_records" => record, _ => document };

        // The entry carries an authorised stay, so making it an exit breaks ck_border_records_authorised_stay.
        var sql = update + " WHERE id = {0}";
        await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql, [id], Ct)));
    }

    [Fact]
    public async Task ACheckAndItsEntry_AreStoredAsWritten()
    {
        app.SkipIfUnavailable();
        var (checkId, recordId, _) = await AddCheckWithEntryAsync();

        var (check, record) = await app.WithDbAsync(async db => (
            await db.Checks.AsNoTracking().SingleAsync(c => c.Id == checkId, Ct),
            await db.BorderRecords.AsNoTracking().SingleAsync(r => r.Id == recordId, Ct)));

        Assert.Equal("CF", check.RefusalReasons);
        Assert.True(check.IsLate);
        Assert.Contains("\"code\"", check.ConditionsJson, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2026, 4, 14), record.AuthorisedStayUntil);
        Assert.Equal(checkId, record.CheckId);
        Assert.Equal(Now - Duration.FromDays(2), record.At);
    }

    [Fact]
    public async Task ATravellersRecords_AreInTimeOrder_AndGiveTheirStays()
    {
        app.SkipIfUnavailable();
        var (traveller, document) = await AddTravellerAsync(NewNumber());

        // Appended out of order, as a late recording is. 2025-03-01 23:30 UTC is 2 March in Helsinki (UTC+2):
        // days are read in the crossing point's zone.
        var entry = Instant.FromUtc(2025, 3, 1, 23, 30);
        var exit = Instant.FromUtc(2025, 3, 20, 9, 0);
        var again = Instant.FromUtc(2025, 5, 2, 12, 0);
        await app.WithDbAsync(async db =>
        {
            db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Entry, traveller, document, "VAA", again, AuthorisedStayUntil: new LocalDate(2025, 7, 30)), Now);
            db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Exit, traveller, document, "HEL", exit), Now);
            db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Refusal, traveller, document, "HWH", exit + Duration.FromDays(30)), Now);
            db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Entry, traveller, document, "VAA", entry, AuthorisedStayUntil: new LocalDate(2025, 5, 30)), Now);
            return await db.SaveChangesAsync(Ct);
        });

        var records = await app.WithDbAsync(db => db.LoadRecordsAsync(traveller, Ct));
        Assert.Equal(["entry", "exit", "refusal", "entry"], records.Select(r => r.Kind));
        Assert.Equal([entry, exit, exit + Duration.FromDays(30), again], records.Select(r => r.At));

        var stays = await app.WithDbAsync(db => db.LoadStaysAsync(traveller, Ct));
        Assert.Equal([new Stay(new LocalDate(2025, 3, 2), new LocalDate(2025, 3, 20)), new Stay(new LocalDate(2025, 5, 2), null)], stays);
    }

    [Fact]
    public async Task RecordsUnderAnotherDocument_CountOnlyOnceAnOfficerLinksTheTravellers()
    {
        app.SkipIfUnavailable();
        var (oldPassport, oldDocument) = await AddTravellerAsync(NewNumber());
        var (newPassport, newDocument) = await AddTravellerAsync(NewNumber());
        await app.WithDbAsync(async db =>
        {
            db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Entry, oldPassport, oldDocument, "HEL", Instant.FromUtc(2025, 6, 1, 10, 0)), Now);
            db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Exit, oldPassport, oldDocument, "HEL", Instant.FromUtc(2025, 6, 10, 10, 0)), Now);
            db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Entry, newPassport, newDocument, "HWH", Instant.FromUtc(2025, 7, 1, 10, 0)), Now);
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Single(await app.WithDbAsync(db => db.LoadStaysAsync(newPassport, Ct)));

        await app.WithDbAsync(async db =>
        {
            db.AddLink(newPassport, oldPassport, "user:test-officer", Now, "New passport; the old one shown");
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(2, (await app.WithDbAsync(db => db.LoadStaysAsync(newPassport, Ct))).Count);
        Assert.Equal(3, (await app.WithDbAsync(db => db.LoadRecordsAsync(oldPassport, Ct))).Count);
        await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("INSERT INTO traveller_links (traveller_id, linked_traveller_id, confirmed_by, confirmed_at) SELECT traveller_id, traveller_id, confirmed_by, confirmed_at FROM traveller_links", Ct)));
    }

    /// <summary>PostgreSQL keeps a check's conditions as jsonb and refuses text that is not JSON.</summary>
    protected async Task ConditionsThatAreNotJsonAreRefusedAsync()
    {
        app.SkipIfUnavailable();
        var (check, _, _) = await AddCheckWithEntryAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE checks SET conditions_json = 'not json' WHERE id = {0}", [check], Ct)));
    }

    private Task<(Guid Traveller, Guid Document)> AddTravellerAsync(string number) => app.WithDbAsync(async db =>
    {
        var traveller = new TravellerRow { Id = TravelDocuments.NewId(Now), CreatedAt = Now };
        var document = new TravelDocumentRow
        {
            Id = TravelDocuments.NewId(Now),
            TravellerId = traveller.Id,
            IssuingState = "UTO",
            Number = number,
            NormalisedNumber = TravelDocuments.NormaliseNumber(number),
            Type = "P",
            BirthDate = "1974",
            RecordedAt = Now,
        };
        db.Travellers.Add(traveller);
        db.TravelDocuments.Add(document);
        await db.SaveChangesAsync(Ct);
        return (traveller.Id, document.Id);
    });

    /// <summary>A check recorded two days late at Vaalimaa, proposing refusal C and F, with the entry it made.</summary>
    private async Task<(Guid Check, Guid Record, Guid Document)> AddCheckWithEntryAsync()
    {
        var (traveller, document) = await AddTravellerAsync(NewNumber());
        return await app.WithDbAsync(async db =>
        {
            var check = new CheckRow
            {
                Id = TravelDocuments.NewId(Now),
                CrossingPointCode = "VAA",
                Direction = "entry",
                At = Now - Duration.FromDays(2),
                RecordedAt = Now,
                LateReason = "Paper fallback during a network outage",
                Officer = "user:test-officer",
                TravellerId = traveller,
                DocumentId = document,
                ProposedOutcome = "refuse",
                RefusalReasons = "CF",
                ConditionsJson = """[{"code":"visa","result":"fail","rule":"Regulation (EU) 2018/1806, Annex I","explanation":"A visa is required."}]""",
                DaysUsed = 12,
            };
            db.Checks.Add(check);
            var record = db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Entry, traveller, document, "VAA", check.At, check.Id, new LocalDate(2026, 4, 14)), Now);
            await db.SaveChangesAsync(Ct);
            return (check.Id, record.Id, document);
        });
    }
}

public sealed class TravelRecordsOnSqlite(SqliteApp app) : TravelRecordsTests<SqliteApp>(app);

public sealed class TravelRecordsOnPostgres(PostgresApp app) : TravelRecordsTests<PostgresApp>(app)
{
    [Fact]
    public Task ConditionsThatAreNotJson_AreRefusedByPostgreSql() => ConditionsThatAreNotJsonAreRefusedAsync();
}

/// <summary>How entries and exits pair into stays where the records are incomplete (TravelRecords.ToStays).</summary>
public sealed class RecordStaysTests
{
    private static readonly LocalDate March1 = new(2025, 3, 1);

    [Fact]
    public void AnEntryFollowedByAnotherEntry_IsAStayUntilTheSecondEntry() =>
        Assert.Equal(
            [new Stay(March1, March1.PlusDays(10)), new Stay(March1.PlusDays(10), null)],
            TravelRecords.ToStays([("entry", March1), ("entry", March1.PlusDays(10))]));

    [Fact]
    public void AnExitWithNoEntryBeforeIt_IsItsOwnDayAlone() =>
        Assert.Equal(
            [new Stay(March1, March1), new Stay(March1.PlusDays(5), March1.PlusDays(6))],
            TravelRecords.ToStays([("exit", March1), ("refusal", March1.PlusDays(2)), ("entry", March1.PlusDays(5)), ("exit", March1.PlusDays(6))]));
}

using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Stays;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <summary>A traveller as the records know them: documents, entries, exits and refusals, and the 90/180 count.</summary>
/// <param name="LinkedTravellers">Travellers an officer confirmed to be the same person; their records are included.</param>
/// <param name="DaysUsed">Days of stay in the 180 days ending today at the border (or on the day of the last exit's check).</param>
/// <param name="AuthorisedStayUntil">While present: the last day of the stay authorised at the last entry.</param>
/// <param name="Present">The last record is an entry: the traveller has not been recorded leaving.</param>
/// <param name="Overstay">Present after the authorised stay ended, or ever recorded leaving after it ended.</param>
public sealed record TravellerResponse(
    Guid Id,
    IReadOnlyList<Guid> LinkedTravellers,
    IReadOnlyList<TravelDocumentResponse> Documents,
    IReadOnlyList<BorderRecordResponse> Records,
    int DaysUsed,
    LocalDate? AuthorisedStayUntil,
    bool Present,
    bool Overstay);

public sealed record TravelDocumentResponse(Guid Id, string Type, string IssuingState, string Number, LocalDate? Expiry, string? PrimaryIdentifier, string? SecondaryIdentifier, string? Nationality, string BirthDate);

public sealed record BorderRecordResponse(
    Guid Id,
    [property: ApiValues(ApiValueSet.BorderRecordKind)] string Kind,
    Instant At,
    string CrossingPoint,
    Guid DocumentId,
    Guid? CheckId,
    LocalDate? AuthorisedStayUntil);

/// <summary>A traveller recorded entering whose authorised stay has ended with no exit recorded.</summary>
public sealed record OverstayerResponse(
    Guid TravellerId,
    Guid EntryRecordId,
    string? Name,
    string? Nationality,
    string DocumentIssuingState,
    string DocumentNumber,
    Instant EnteredAt,
    string CrossingPoint,
    LocalDate AuthorisedStayUntil,
    int DaysOver);

public sealed record OverstayersResponse(Instant At, LocalDate Date, IReadOnlyList<OverstayerResponse> Overstayers);

public sealed class TravellerOverview(VartioDbContext db, BorderCalendar calendar)
{
    public async Task<TravellerResponse?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Travellers.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return null;
        }

        var linked = await db.LinkedTravellersAsync(id, cancellationToken);
        var documents = await db.TravelDocuments.AsNoTracking().Where(d => linked.Contains(d.TravellerId)).OrderBy(d => d.RecordedAt).ToListAsync(cancellationToken);
        var records = await db.LoadRecordsAsync(id, cancellationToken);
        var stays = await db.LoadStaysAsync(id, cancellationToken);
        var today = calendar.Today;
        var last = records.Count > 0 ? records[^1] : null;
        var present = last?.Kind == BorderRecordKinds.Entry;
        var authorised = present ? last!.AuthorisedStayUntil : null;
        var flagged = await db.OverstayFlags.AnyAsync(f => linked.Contains(f.TravellerId), cancellationToken);
        return new TravellerResponse(
            id,
            [.. linked.Where(t => t != id).Order()],
            [.. documents.Select(d => new TravelDocumentResponse(d.Id, d.Type, d.IssuingState, d.Number, d.Expiry, d.PrimaryIdentifier, d.SecondaryIdentifier, d.Nationality, d.BirthDate))],
            [.. records.Select(r => new BorderRecordResponse(r.Id, r.Kind, r.At, r.CrossingPointCode, r.DocumentId, r.CheckId, r.AuthorisedStayUntil))],
            DaysUsedOn(stays, today),
            authorised,
            present,
            flagged || (authorised is { } until && until < today));
    }

    /// <summary>
    /// Travellers whose last record at <paramref name="at"/> is an entry whose authorised stay ended before that
    /// day at the border.
    /// </summary>
    public async Task<OverstayersResponse> OverstayersAsync(Instant at, CancellationToken cancellationToken)
    {
        var date = at.InZone(calendar.Zone).Date;
        var lastRecords = await db.BorderRecords.AsNoTracking()
            .Where(r => r.At <= at && r.Kind != BorderRecordKinds.Refusal)
            .Where(r => !db.BorderRecords.Any(later => later.TravellerId == r.TravellerId && later.Kind != BorderRecordKinds.Refusal && later.At <= at && later.At > r.At))
            .Where(r => r.Kind == BorderRecordKinds.Entry && r.AuthorisedStayUntil != null)
            .Join(db.TravelDocuments, r => r.DocumentId, d => d.Id, (r, d) => new { Record = r, Document = d })
            .ToListAsync(cancellationToken);
        var overstayers = lastRecords
            .Where(x => x.Record.AuthorisedStayUntil!.Value < date)
            .Select(x => new OverstayerResponse(
                x.Record.TravellerId,
                x.Record.Id,
                string.Join(' ', new[] { x.Document.PrimaryIdentifier, x.Document.SecondaryIdentifier }.Where(p => !string.IsNullOrEmpty(p))),
                x.Document.Nationality,
                x.Document.IssuingState,
                x.Document.Number,
                x.Record.At,
                x.Record.CrossingPointCode,
                x.Record.AuthorisedStayUntil!.Value,
                Period.Between(x.Record.AuthorisedStayUntil!.Value, date, PeriodUnits.Days).Days))
            .OrderByDescending(o => o.DaysOver)
            .ThenBy(o => o.TravellerId)
            .ToList();
        return new OverstayersResponse(at, date, overstayers);
    }

    /// <summary>Days used in the 180 days ending on <paramref name="date"/>; stays recorded after it (a clock ahead) are left out.</summary>
    private static int DaysUsedOn(IReadOnlyList<Stay> stays, LocalDate date) =>
        StayCalculator.Control([.. stays.Where(s => s.Entry <= date)], date).Assessment?.DaysUsed ?? 0;
}

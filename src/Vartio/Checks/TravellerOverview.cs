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

/// <summary>An officer's confirmation that another traveller (another document) is this same person.</summary>
/// <param name="Reason">What the officer compared: for example, the previous passport's number printed in the new one.</param>
public sealed record TravellerLinkRequest(Guid? TravellerId, string? Reason);

public sealed class TravellerOverview(VartioDbContext db, BorderCalendar calendar, IClock clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Records that <paramref name="id"/> and the traveller the request names are one person, as an officer
    /// confirmed, with who, when and why; the records of both are read together from then on. Nothing is merged:
    /// both travellers and their documents stay as they were.
    /// </summary>
    public async Task<(TravellerResponse? Traveller, Vartio.Checks.CheckRefusal? Refusal)> LinkAsync(Guid id, TravellerLinkRequest request, string actor, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        var problems = new List<Vartio.Domain.Problems.Problem>();
        if (request.TravellerId is not { } other || other == Guid.Empty)
        {
            problems.Add(new("travellerId", "Give the id of the traveller who is the same person."));
        }
        else if (other == id)
        {
            problems.Add(new("travellerId", "A traveller is the same person as themselves already."));
        }

        if (string.IsNullOrEmpty(reason))
        {
            problems.Add(new("reason", "Say what shows that they are one person (for example, the previous passport's number in the new one)."));
        }
        else if (Vartio.Domain.Text.StoredText.Fault(reason) is { } fault)
        {
            problems.Add(new("reason", fault));
        }
        else if (reason.Length > MaxReasonLength)
        {
            problems.Add(new("reason", $"Keep it to {MaxReasonLength} characters."));
        }

        if (problems.Count > 0)
        {
            return (null, CheckRefusal.Invalid(problems, title: "The link cannot be recorded"));
        }

        var linked = request.TravellerId!.Value;
        var known = await db.Travellers.Where(t => t.Id == id || t.Id == linked).CountAsync(cancellationToken);
        if (known < 2)
        {
            return (null, new CheckRefusal(StatusCodes.Status404NotFound, "No such traveller", $"There is no traveller {(await db.Travellers.AnyAsync(t => t.Id == id, cancellationToken) ? linked : id)}.", []));
        }

        var already = await db.LinkedTravellersAsync(id, cancellationToken);
        if (!already.Contains(linked))
        {
            await db.AuditedAsync(clock, async () =>
            {
                db.AddLink(id, linked, actor, clock.GetCurrentInstant(), reason);
                await db.SaveChangesAsync(cancellationToken);
                return (0, new Vartio.Data.AuditRecord(actor, "traveller.linked", $"traveller:{id}", $"confirmed the same person as traveller {linked}"));
            }, cancellationToken);
        }

        return (await FindAsync(id, cancellationToken), null);
    }

    public async Task<TravellerResponse?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Travellers.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return null;
        }

        var linked = await db.LinkedTravellersAsync(id, cancellationToken);
        var documents = await db.TravelDocuments.AsNoTracking().Where(d => linked.Contains(d.TravellerId)).OrderBy(d => d.RecordedAt).ToListAsync(cancellationToken);
        var records = await db.LoadRecordsAsync(id, cancellationToken);
        var stays = await db.StaysOfAsync(records, cancellationToken);
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

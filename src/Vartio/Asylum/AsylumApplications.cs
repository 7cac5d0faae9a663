using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.Checks;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Asylum;
using Vartio.Domain.Countries;
using Vartio.Domain.Problems;
using Vartio.Domain.Text;
using Vartio.Hosting;

namespace Vartio.Asylum;

/// <summary>What to list: every filter optional.</summary>
/// <param name="CrossingPoints">Codes; empty means all the caller may see.</param>
/// <param name="From">First instant (included).</param>
/// <param name="Until">Last instant (excluded).</param>
public sealed record AsylumFilter(IReadOnlyList<string> CrossingPoints, Instant? From, Instant? Until, HandoverStatus? Status, string? Nationality, int Limit)
{
    public const int DefaultLimit = 500;

    public const int MaxLimit = 10_000;
}

/// <summary>
/// Reading applications and moving them towards the asylum authority: handover, receipt, withdrawal, leaving
/// before handover (only forward, each step with instant and actor, audited), and the officer's answer to
/// earlier registrations that resemble a person.
/// </summary>
public sealed class AsylumApplications(VartioDbContext db, IClock clock, TimelineCache timelines, EarlierRegistrations earlier, SqliteWriteGate writeGate)
{
    public const int MaxNoteLength = 1000;

    /// <summary>Whether the caller sees who the people are; Analysts see figures only.</summary>
    public static bool SeesPersons(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Officer) || user.IsInRole(Roles.StationHead) || user.IsInRole(Roles.AsylumCaseworker);
    }

    /// <summary>Whether the caller may see applications at a crossing point: officers at theirs, the asylum authority and analysts everywhere.</summary>
    public static bool MaySee(ClaimsPrincipal user, string crossingPoint)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.AsylumCaseworker) || user.IsInRole(Roles.Analyst) || StationScope.Allows(user, crossingPoint);
    }

    public async Task<(AsylumApplicationResponse? Application, CheckRefusal? Refusal)> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await db.AsylumApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (row is null)
        {
            return (null, NoSuchApplication(id));
        }

        if (!MaySee(user, row.CrossingPointCode))
        {
            return (null, NotYourCrossingPoint(row.CrossingPointCode));
        }

        return (await ResponseAsync(row, SeesPersons(user), ct), null);
    }

    public async Task<AsylumListResponse> ListAsync(AsylumFilter filter, bool irregularArrivals, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.AsylumApplications.AsNoTracking().Where(a => a.Received == !irregularArrivals);
        if (!user.IsInRole(Roles.AsylumCaseworker) && !user.IsInRole(Roles.Analyst))
        {
            var mine = user.FindAll(VartioClaims.CrossingPoint).Select(c => c.Value.ToUpperInvariant()).ToList();
            query = query.Where(a => mine.Contains(a.CrossingPointCode));
        }

        if (filter.CrossingPoints.Count > 0)
        {
            query = query.Where(a => filter.CrossingPoints.Contains(a.CrossingPointCode));
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.Until is { } until)
        {
            query = query.Where(a => a.At < until);
        }

        if (filter.Status is { } status)
        {
            var word = AsylumWords.Of(status);
            query = query.Where(a => a.Status == word);
        }

        if (filter.Nationality is { } nationality)
        {
            query = query.Where(a => a.Nationality == nationality);
        }

        var count = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenBy(a => a.GroupId).ThenBy(a => a.Ordinal).Take(filter.Limit).ToListAsync(ct);
        var lateReasons = await LateReasonsAsync(rows, ct);
        var timeline = await timelines.GetAsync(ct);
        var persons = SeesPersons(user);
        return new AsylumListResponse(count, count > rows.Count, [.. rows.Select(r => AsylumResponses.From(
            r, lateReasons.GetValueOrDefault(r.GroupId), [], [], persons, DateAt(timeline, r)))]);
    }

    /// <summary>registered → handedOver, by an officer at the application's crossing point.</summary>
    public Task<(AsylumApplicationResponse? Application, CheckRefusal? Refusal)> HandOverAsync(Guid id, HandoverRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        MoveAsync(id, HandoverStatus.HandedOver, request.Note, user, ct);

    /// <summary>Moves an application forward: received (the asylum authority), withdrawn, or left before handover.</summary>
    public async Task<(AsylumApplicationResponse? Application, CheckRefusal? Refusal)> SetStatusAsync(Guid id, AsylumStatusRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!AsylumWords.TryRead<HandoverStatus>(request.Status, out var status)
            || status is HandoverStatus.Registered or HandoverStatus.DirectedElsewhere)
        {
            return (null, Invalid(new Problem("status", "Give received, withdrawn or leftBeforeHandover (handover has its own request: POST …/handover).")));
        }

        return await MoveAsync(id, status, request.Note, user, ct);
    }

    private async Task<(AsylumApplicationResponse? Application, CheckRefusal? Refusal)> MoveAsync(Guid id, HandoverStatus to, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        // Of two moves that race (received and withdrawn at once), one changes the row; the other finds it
        // changed and is answered again from what is there now (the same, a step not allowed, or 409).
        for (var attempt = 1; ; attempt++)
        {
            var (application, refusal, changed) = await MoveOnceAsync(id, to, note, user, ct);
            if (!changed)
            {
                return (application, refusal);
            }

            if (attempt == 2)
            {
                return (null, Changed());
            }
        }
    }

    private async Task<(AsylumApplicationResponse? Application, CheckRefusal? Refusal, bool Changed)> MoveOnceAsync(Guid id, HandoverStatus to, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var text = LateRecording.ReadText(note, "note", MaxNoteLength, problems);
        if (problems.Count > 0)
        {
            return (null, CheckRefusal.Invalid(problems, title: "The application cannot be moved"), false);
        }

        using var turn = await writeGate.EnterAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.AsylumApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (row is null)
        {
            return (null, NoSuchApplication(id), false);
        }

        if (MayMove(user, row.CrossingPointCode, to) is { } refusal)
        {
            return (null, refusal, false);
        }

        var from = AsylumWords.StatusOf(row.Status);
        if (from == to)
        {
            // A retried request finds its work done: the same answer, nothing written twice.
            return (await ResponseAsync(row, true, ct), null, false);
        }

        if (!Handover.CanMove(from, to))
        {
            return (null, new CheckRefusal(
                StatusCodes.Status409Conflict,
                "The application cannot move there",
                $"The application is {AsylumWords.Describe(from)}; it moves only forward ({(Handover.Next(from) is { Count: > 0 } next ? "next: " + string.Join(" or ", next.Select(AsylumWords.Of)) : "nothing follows")}).",
                []), false);
        }

        var now = clock.GetCurrentInstant();
        var actor = Actors.Of(user);
        var fromWord = row.Status;
        var toWord = AsylumWords.Of(to);

        // Only from the status just read.
        var moved = await db.AsylumApplications.Where(a => a.Id == id && a.Status == fromWord)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, toWord).SetProperty(a => a.StatusAt, now).SetProperty(a => a.StatusBy, actor), ct);
        if (moved == 0)
        {
            await transaction.RollbackAsync(ct);
            return (null, null, true);
        }

        db.AsylumEvents.Add(new AsylumEventRow { ApplicationId = row.Id, Status = toWord, At = now, Actor = actor, Note = text });
        await db.AppendAsync(clock, [new AuditRecord(actor, "asylum." + toWord, $"asylum-application:{row.Id}", $"{fromWord} → {toWord} at {row.CrossingPointCode}{(text is null ? "" : ": " + text)}")], ct);
        await transaction.CommitAsync(ct);
        return (await ResponseAsync(await db.AsylumApplications.AsNoTracking().SingleAsync(a => a.Id == id, ct), true, ct), null, false);
    }

    private static CheckRefusal Changed() =>
        new(StatusCodes.Status409Conflict, "The application changed meanwhile", "Another request changed the application at the same moment; read it again.", []);

    /// <summary>
    /// The officer's answer to earlier registrations that resemble a person: the same person as one of them
    /// (from then on they share a person), or a new person. Given once; a retry with the same answer is answered again.
    /// </summary>
    public async Task<(AsylumApplicationResponse? Application, CheckRefusal? Refusal)> ConfirmIdentityAsync(Guid id, AsylumIdentityRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.SamePersonAs is null) == (request.NewPerson != true))
        {
            return (null, Invalid(new Problem("samePersonAs", "Give samePersonAs (the earlier application that is this person) or newPerson: true, one of them.")));
        }

        using var turn = await writeGate.EnterAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.AsylumApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (row is null)
        {
            return (null, NoSuchApplication(id));
        }

        if (!StationScope.Allows(user, row.CrossingPointCode))
        {
            return (null, NotYourCrossingPoint(row.CrossingPointCode));
        }

        AsylumApplicationRow? other = null;
        if (request.SamePersonAs is { } sameAs)
        {
            other = await db.AsylumApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == sameAs, ct);
            if (other is null || other.Id == row.Id)
            {
                return (null, Invalid(new Problem("samePersonAs", other is null ? $"There is no application {sameAs}." : "An application is the same person as itself already.")));
            }
        }

        var answer = other is null ? AsylumWords.ReviewConfirmedNew : AsylumWords.ReviewLinked;
        if (row.IdentityReview is AsylumWords.ReviewLinked or AsylumWords.ReviewConfirmedNew)
        {
            return row.IdentityReview == answer && (other is null || other.PersonId == row.PersonId)
                ? (await ResponseAsync(row, true, ct), null)
                : (null, new CheckRefusal(StatusCodes.Status409Conflict, "The person is already decided",
                    $"An officer already answered for this application ({row.IdentityReview}); the answer is not changed silently. Ask the asylum authority to correct it.", []));
        }

        var actor = Actors.Of(user);
        var review = row.IdentityReview;

        // Only while undecided: of two answers that race, the second finds it decided and is refused.
        var answered = await db.AsylumApplications.Where(a => a.Id == id && a.IdentityReview == review)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IdentityReview, answer), ct);
        if (answered == 0)
        {
            await transaction.RollbackAsync(ct);
            return (null, Changed());
        }

        if (other is not null)
        {
            // Every registration already confirmed as this person joins the other person too.
            var previous = row.PersonId;
            var person = other.PersonId;
            await db.AsylumApplications.Where(a => a.PersonId == previous).ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonId, person), ct);
        }

        await db.AppendAsync(clock, [new AuditRecord(actor, "asylum.identity", $"asylum-application:{row.Id}",
            other is null ? "confirmed a new person" : $"confirmed the same person as application {other.Id} (person {other.PersonId})")], ct);
        await transaction.CommitAsync(ct);
        return (await ResponseAsync(await db.AsylumApplications.AsNoTracking().SingleAsync(a => a.Id == id, ct), true, ct), null);
    }

    /// <summary>An application with its earlier registrations and its history.</summary>
    public async Task<AsylumApplicationResponse> ResponseAsync(AsylumApplicationRow row, bool showPerson, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var group = await db.AsylumGroups.AsNoTracking().SingleAsync(g => g.Id == row.GroupId, ct);
        var history = await db.AsylumEvents.AsNoTracking().Where(e => e.ApplicationId == row.Id).OrderBy(e => e.Id)
            .Select(e => new AsylumEventResponse(e.Status, e.At, e.Actor, e.Note)).ToListAsync(ct);
        var identity = new Domain.Travellers.TravellerIdentity(
            row.Name,
            null,
            Domain.Screening.PartialDate.TryParse(row.BirthDate, out var birth) ? birth : Domain.Screening.PartialDate.Unknown,
            null,
            row.Nationality is null ? null : Country.FromAlpha3(row.Nationality),
            row.DocumentNumber is null ? null : new Domain.Travellers.TravelDocument(row.DocumentCode, row.DocumentNumber, Country.FromAlpha3(row.DocumentIssuingState!), null));
        var candidates = showPerson ? await earlier.FindAsync(identity, row.Id, ct) : [];
        return AsylumResponses.From(row, group.LateReason, candidates, history, showPerson, DateAt(await timelines.GetAsync(ct), row));
    }

    private static LocalDate DateAt(Domain.CrossingPoints.BorderTimeline timeline, AsylumApplicationRow row) =>
        row.At.InZone(timeline.Contains(row.CrossingPointCode) ? timeline.For(row.CrossingPointCode).CrossingPoint.Zone : DateTimeZone.Utc).Date;

    private async Task<Dictionary<Guid, string?>> LateReasonsAsync(IReadOnlyList<AsylumApplicationRow> rows, CancellationToken ct)
    {
        var groups = rows.Select(r => r.GroupId).Distinct().ToList();
        return await db.AsylumGroups.AsNoTracking().Where(g => groups.Contains(g.Id) && g.LateReason != null)
            .ToDictionaryAsync(g => g.Id, g => g.LateReason, ct);
    }

    /// <summary>
    /// Who moves an application where: officers at its crossing point hand it over, record that the person
    /// left before handover, or that the application was withdrawn; the asylum authority records receipt and
    /// withdrawal.
    /// </summary>
    private static CheckRefusal? MayMove(ClaimsPrincipal user, string crossingPoint, HandoverStatus to)
    {
        var caseworker = user.IsInRole(Roles.AsylumCaseworker);
        var officerHere = StationScope.Allows(user, crossingPoint);
        var allowed = to switch
        {
            HandoverStatus.Received => caseworker,
            HandoverStatus.Withdrawn => caseworker || officerHere,
            HandoverStatus.HandedOver or HandoverStatus.LeftBeforeHandover => officerHere,
            _ => false,
        };
        if (allowed)
        {
            return null;
        }

        return to == HandoverStatus.Received
            ? new CheckRefusal(StatusCodes.Status403Forbidden, "Only the asylum authority receives applications", "Receipt is recorded by an AsylumCaseworker of the asylum authority.", [])
            : caseworker
                ? new CheckRefusal(StatusCodes.Status403Forbidden, "Only the border guard hands over", $"Handover and leaving before handover are recorded by the officers at {crossingPoint}.", [])
                : NotYourCrossingPoint(crossingPoint);
    }

    private static CheckRefusal Invalid(Problem problem) => CheckRefusal.Invalid([problem], title: "The request cannot be used");

    public static CheckRefusal NoSuchApplication(Guid id) =>
        new(StatusCodes.Status404NotFound, "No such application", $"There is no asylum application or irregular arrival {id}.", []);

    public static CheckRefusal NotYourCrossingPoint(string crossingPoint) =>
        new(StatusCodes.Status403Forbidden, "Not your crossing point", $"Registrations at {crossingPoint} are for the officers assigned to it.", []);
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Checks;
using Vartio.Domain.CrossingPoints;
using Vartio.Domain.Problems;
using Vartio.Domain.Screening;
using Vartio.Hosting;
using Vartio.Screening;

namespace Vartio.Checks;

/// <summary>
/// The first-line check: reads the request, makes sure the officer is at that crossing point and that it is
/// open for the traveller's traffic, screens the traveller, loads their records, lets the domain decide
/// (<see cref="BorderCheck"/>) and stores the check with its audit entry, once per <c>Idempotency-Key</c>.
/// </summary>
public sealed class BorderChecks(
    VartioDbContext db,
    IClock clock,
    TimelineCache timelines,
    WatchlistScreening screening,
    CheckRequestReader reader,
    VisaRequirementLists visaLists,
    SqliteWriteGate writeGate,
    CheckOptions options)
{
    /// <summary>How long a check may wait for the watchlists to load after a start.</summary>
    private static readonly TimeSpan WatchlistWait = TimeSpan.FromSeconds(5);

    /// <summary>The check through the API: refusals as problem details, the write once per <c>Idempotency-Key</c>.</summary>
    public async Task<IResult> CheckAsync(HttpContext http, CheckRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (prepared, refusal) = await PrepareAsync(request, user, cancellationToken);
        if (prepared is null)
        {
            if (refusal!.Status == StatusCodes.Status503ServiceUnavailable)
            {
                http.Response.Headers.RetryAfter = "5";
            }

            return refusal.ToResult();
        }

        // Two checks of one document never seen before may race to add it: the loser's insert fails on the
        // unique document, and its second attempt finds the winner's.
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await IdempotentWrites.RunAsync(http, db, clock, async ct =>
                {
                    var (row, problems) = await AddAsync(prepared, ct);
                    return row is null
                        ? WriteOutcome.Refused(ProblemResponses.Invalid(problems, "The check cannot be made"))
                        : WriteOutcome.Created(CheckResponses.From(row, null, null), AuditOf(row));
                });
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The check from a page: the same rules, in one transaction with its audit entry.</summary>
    public async Task<(CheckResponse? Check, CheckRefusal? Refusal)> RecordAsync(CheckRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (prepared, refusal) = await PrepareAsync(request, user, cancellationToken);
        if (prepared is null)
        {
            return (null, refusal);
        }

        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (row, problems) = await AddAsync(prepared, cancellationToken);
        if (row is null)
        {
            return (null, CheckRefusal.Invalid(problems));
        }

        await db.AppendAsync(clock, [AuditOf(row)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (CheckResponses.From(row, null, null), null);
    }

    /// <summary>Everything a check needs that is not in the database's transaction: the request read, the officer's
    /// station, the crossing point open, the watchlists screened.</summary>
    private async Task<(PreparedCheck? Prepared, CheckRefusal? Refusal)> PrepareAsync(CheckRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (read, problems) = reader.Read(request);
        if (read is null)
        {
            return (null, CheckRefusal.Invalid(problems));
        }

        var timeline = await timelines.GetAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        if (LateRecording.Refusal(timeline, user, read.CrossingPoint, read.At, read.LateReason, now, options, "check", "record checks", "The check cannot be made") is { } refused)
        {
            return (null, refused);
        }

        var at = read.At ?? now;
        var point = timeline.For(read.CrossingPoint);
        var (traffic, trafficProblem) = TrafficOf(point.CrossingPoint, read.Traffic);
        if (trafficProblem is not null)
        {
            return (null, CheckRefusal.Invalid([trafficProblem]));
        }

        if (Closed(point, at, traffic) is { } closed)
        {
            return (null, closed);
        }

        if (!await screening.WaitUntilLoadedAsync(WatchlistWait, cancellationToken))
        {
            return (null, new CheckRefusal(
                StatusCodes.Status503ServiceUnavailable,
                "The watchlists are still loading",
                "A check needs the watchlists, which are being loaded after a start. Try again in a few seconds.",
                []));
        }

        var hits = screening.Screen(ScreeningQuery.For(read.Document.Holder)).Select(WatchlistHit.From).ToList();
        return (new PreparedCheck(read, point.CrossingPoint, at, at.InZone(point.CrossingPoint.Zone).Date, now, Actors.Of(user), hits, timeline), null);
    }

    /// <summary>
    /// Inside the caller's transaction: the traveller found by their document (or added), their records loaded,
    /// the check decided and added. Null with the problems when the input contradicts itself.
    /// </summary>
    private async Task<(CheckRow? Row, IReadOnlyList<Problem> Problems)> AddAsync(PreparedCheck prepared, CancellationToken ct)
    {
        var read = prepared.Read;
        var (traveller, document, added) = await db.FindOrAddDocumentAsync(read.Document.Holder, prepared.Now, ct);
        var records = added ? [] : await db.LoadRecordsAsync(traveller.Id, ct);
        // The stays come from the records just read, each day in the zone of its crossing point.
        var stays = TravelRecords.ToStays(records.Select(r => (r.Kind, r.At.InZone(prepared.ZoneOf(r.CrossingPointCode)).Date)));
        var input = new CheckInput
        {
            CrossingPoint = read.CrossingPoint,
            Direction = read.Direction,
            At = prepared.At,
            Date = prepared.Date,
            Document = read.Document,
            Visa = read.Visa,
            ResidencePermit = read.ResidencePermit,
            IntendedDeparture = read.IntendedDeparture,
            Findings = read.Findings,
            Stays = [.. stays],
            WatchlistHits = prepared.Hits,
            VisaEntriesUsed = EntriesUsed(records, read.Visa, prepared.CrossingPoint.Zone),
            RecordedAuthorisedStayUntil = read.Direction == CheckDirection.Exit ? LastEntry(records, prepared.At)?.AuthorisedStayUntil : null,
        };
        if (input.Problems() is { Count: > 0 } inputProblems)
        {
            return (null, inputProblems);
        }

        var decision = BorderCheck.Decide(input, (await visaLists.GetAsync(ct)).Table, RefusalReasonTable.Standard);
        var row = new CheckRow
        {
            Id = TravelDocuments.NewId(prepared.Now),
            CrossingPointCode = read.CrossingPoint,
            Direction = CheckWords.Of(read.Direction),
            At = prepared.At,
            RecordedAt = prepared.Now,
            LateReason = read.LateReason,
            Officer = prepared.Officer,
            TravellerId = traveller.Id,
            DocumentId = document.Id,
            ProposedOutcome = CheckWords.Of(decision.ProposedOutcome),
            RefusalReasons = new string([.. decision.RefusalReasons.Select(r => r.Letter)]),
            ConditionsJson = JsonSerializer.Serialize(decision.Conditions.Select(ConditionOf).ToList(), CheckResponses.Json),
            AuthorisedStayUntil = decision.AuthorisedStayUntil,
            DaysUsed = decision.DaysUsed,
            Overstay = decision.Overstay,
        };
        db.Checks.Add(row);
        if (prepared.Hits.Count > 0)
        {
            await db.CountAsync([new CountedEvent(Counts.WatchlistHit, row.CrossingPointCode, prepared.At.InZone(prepared.CrossingPoint.Zone).LocalDateTime, [Counts.Nationality(read.Document.Holder.Nationality?.Alpha3)])], ct);
        }

        return (row, []);
    }

    private static AuditRecord AuditOf(CheckRow row) => new(
        row.Officer,
        "check.recorded",
        $"check:{row.Id}",
        $"{row.Direction} at {row.CrossingPointCode}, proposed {row.ProposedOutcome}{(row.RefusalReasons.Length > 0 ? " (" + row.RefusalReasons + ")" : "")}{(row.LateReason is null ? "" : ", recorded late")}");

    private sealed record PreparedCheck(CheckRequestRead Read, CrossingPoint CrossingPoint, Instant At, LocalDate Date, Instant Now, string Officer, IReadOnlyList<WatchlistHit> Hits, BorderTimeline Timeline)
    {
        public DateTimeZone ZoneOf(string code) => Timeline.Contains(code) ? Timeline.For(code).CrossingPoint.Zone : CrossingPoint.Zone;
    }

    private static (Traffic Traffic, Problem? Problem) TrafficOf(CrossingPoint point, string? name)
    {
        var served = point.Traffic & TrafficNames.Travellers;
        if (name is null)
        {
            return served == Traffic.None
                ? (Traffic.None, new Problem("crossingPoint", $"{point.Name} serves no travellers: only {string.Join(", ", point.Traffic.ToNames())}."))
                : (served.Flags().First(), null);
        }

        var traffic = TrafficNames.Parse([name], out var unknown);
        return unknown.Count > 0 || (traffic & TrafficNames.Travellers) == Traffic.None || traffic.Flags().Count() != 1
            ? (Traffic.None, new Problem("traffic", $"Give one kind of travellers' traffic: {string.Join(", ", TrafficNames.Travellers.ToNames())}."))
            : (traffic & served) == Traffic.None
                ? (Traffic.None, new Problem("traffic", $"{point.Name} does not serve {name}; it serves {string.Join(", ", point.Traffic.ToNames())}."))
                : (traffic, null);
    }

    /// <summary>409 naming the decision when the crossing point is closed to the traffic at that instant.</summary>
    private static CheckRefusal? Closed(CrossingPointTimeline point, Instant at, Traffic traffic)
    {
        var condition = point.ConditionAt(at);
        var forTraffic = condition.Traffic.FirstOrDefault(t => t.Traffic == traffic);
        var state = forTraffic?.State ?? condition.State;
        if (state != CrossingPointState.Closed)
        {
            return null;
        }

        var decisionId = forTraffic?.DecisionId ?? condition.DecisionId;
        var name = point.CrossingPoint.Name;
        return new CheckRefusal(
            StatusCodes.Status409Conflict,
            "The crossing point is closed",
            decisionId is { } id
                ? $"{name} is closed to {TrafficNames.NameOf(traffic)} at that instant under decision {id}: no check can be recorded there."
                : $"{name} is closed to {TrafficNames.NameOf(traffic)} at that instant: no check can be recorded there.",
            [],
            decisionId,
            point.CrossingPoint.Code);
    }

    /// <summary>Entries recorded within the visa's validity: what a one- or two-entry visa has used.</summary>
    private static int EntriesUsed(IReadOnlyList<BorderRecordRow> records, PresentedVisa? visa, DateTimeZone zone)
    {
        if (visa is not { ValidFrom: { } from, ValidUntil: { } until })
        {
            return 0;
        }

        return records.Count(r => r.Kind == BorderRecordKinds.Entry && r.At.InZone(zone).Date is var day && day >= from && day <= until);
    }

    private static BorderRecordRow? LastEntry(IReadOnlyList<BorderRecordRow> records, Instant at) =>
        records.Where(r => r.At <= at).LastOrDefault() is { Kind: BorderRecordKinds.Entry } last ? last : null;

    private static ConditionResponse ConditionOf(CheckCondition c) =>
        new(c.Code, CheckWords.Of(c.Result), c.Rule, c.Explanation, c.RefusalReason?.ToString(), c.ToSecondLine);
}

/// <summary>Configuration of checks (<c>Checks:</c>).</summary>
/// <param name="Authority">The state and authority the refusal form names (<c>Checks:Authority</c>).</param>
public sealed record CheckOptions(int LateRecordingDays, string Authority)
{
    public const int DefaultLateRecordingDays = 7;

    public const string DefaultAuthority = "FINLAND — Finnish Border Guard";

    /// <summary>How far a booth's clock may differ from the server's before a check counts as late or future.</summary>
    public static readonly Duration ClockTolerance = Duration.FromMinutes(10);

    public static CheckOptions From(IConfiguration configuration) =>
        new(
            Math.Clamp(configuration.GetValue("Checks:LateRecordingDays", DefaultLateRecordingDays), 0, 365),
            configuration.GetValue<string>("Checks:Authority") is { Length: > 0 } authority ? authority : DefaultAuthority);
}

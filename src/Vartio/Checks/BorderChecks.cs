using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
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
    CheckOptions options)
{
    /// <summary>How long a check may wait for the watchlists to load after a start.</summary>
    private static readonly TimeSpan WatchlistWait = TimeSpan.FromSeconds(5);

    public async Task<IResult> CheckAsync(HttpContext http, CheckRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (read, problems) = reader.Read(request);
        if (read is null)
        {
            return ProblemResponses.Invalid(problems, "The check cannot be made");
        }

        var timeline = await timelines.GetAsync(cancellationToken);
        if (!timeline.Contains(read.CrossingPoint))
        {
            return ProblemResponses.Invalid([new Problem("crossingPoint", $"There is no crossing point {read.CrossingPoint}.")], "No such crossing point", StatusCodes.Status404NotFound);
        }

        if (!StationScope.Allows(user, read.CrossingPoint))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not your crossing point",
                detail: $"You may record checks only at the crossing points you are assigned to, and {read.CrossingPoint} is not one of them.");
        }

        var now = clock.GetCurrentInstant();
        if (TimeProblem(read, now) is { } timeProblem)
        {
            return ProblemResponses.Invalid([timeProblem], "The check cannot be made");
        }

        var at = read.At ?? now;
        var point = timeline.For(read.CrossingPoint);
        var (traffic, trafficProblem) = TrafficOf(point.CrossingPoint, read.Traffic);
        if (trafficProblem is not null)
        {
            return ProblemResponses.Invalid([trafficProblem], "The check cannot be made");
        }

        if (Closed(point, at, traffic) is { } closed)
        {
            return closed;
        }

        if (!await screening.WaitUntilLoadedAsync(WatchlistWait, cancellationToken))
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The watchlists are still loading",
                detail: "A check needs the watchlists, which are being loaded after a start. Try again in a few seconds.");
        }

        var identity = read.Document.Holder;
        var hits = screening.Screen(ScreeningQuery.For(identity)).Select(WatchlistHit.From).ToList();
        var date = at.InZone(point.CrossingPoint.Zone).Date;

        return await IdempotentWrites.RunAsync(http, db, clock, async ct =>
        {
            var (traveller, document, added) = await db.FindOrAddDocumentAsync(identity, now, ct);
            var records = added ? [] : await db.LoadRecordsAsync(traveller.Id, ct);
            var stays = added ? [] : await db.LoadStaysAsync(traveller.Id, ct);
            var input = new CheckInput
            {
                CrossingPoint = read.CrossingPoint,
                Direction = read.Direction,
                At = at,
                Date = date,
                Document = read.Document,
                Visa = read.Visa,
                ResidencePermit = read.ResidencePermit,
                IntendedDeparture = read.IntendedDeparture,
                Findings = read.Findings,
                Stays = [.. stays],
                WatchlistHits = hits,
                VisaEntriesUsed = EntriesUsed(records, read.Visa, point.CrossingPoint.Zone),
                RecordedAuthorisedStayUntil = read.Direction == CheckDirection.Exit ? LastEntry(records, at)?.AuthorisedStayUntil : null,
            };
            if (input.Problems() is { Count: > 0 } inputProblems)
            {
                return WriteOutcome.Refused(ProblemResponses.Invalid(inputProblems, "The check cannot be made"));
            }

            var decision = BorderCheck.Decide(input);
            var row = new CheckRow
            {
                Id = TravelDocuments.NewId(now),
                CrossingPointCode = read.CrossingPoint,
                Direction = CheckWords.Of(read.Direction),
                At = at,
                RecordedAt = now,
                LateReason = read.LateReason,
                Officer = Actors.Of(user),
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
            var audit = new AuditRecord(
                Actors.Of(user),
                "check.recorded",
                $"check:{row.Id}",
                $"{row.Direction} at {row.CrossingPointCode}, proposed {row.ProposedOutcome}{(row.RefusalReasons.Length > 0 ? " (" + row.RefusalReasons + ")" : "")}{(row.LateReason is null ? "" : ", recorded late")}");
            return WriteOutcome.Created(CheckResponses.From(row, null, null), audit);
        });
    }

    /// <summary>
    /// A check happens now, give or take the booth's clock; one recorded after the fact needs a reason and may be
    /// at most <see cref="CheckOptions.LateRecordingDays"/> old.
    /// </summary>
    private Problem? TimeProblem(CheckRequestRead read, Instant now)
    {
        if (read.At is not { } at)
        {
            return read.LateReason is null ? null : new Problem("at", "A check recorded late needs the instant it happened in 'at'.");
        }

        if (at > now + CheckOptions.ClockTolerance)
        {
            return new Problem("at", "The check's instant is in the future.");
        }

        if (at < now - Duration.FromDays(options.LateRecordingDays))
        {
            return new Problem("at", $"A check may be recorded at most {options.LateRecordingDays} days after it happened (Checks:LateRecordingDays).");
        }

        return at < now - CheckOptions.ClockTolerance && read.LateReason is null
            ? new Problem("lateReason", "A check recorded after it happened needs a reason (for example, the system was unavailable and the check was made on paper).")
            : null;
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
    private static ProblemHttpResult? Closed(CrossingPointTimeline point, Instant at, Traffic traffic)
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
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The crossing point is closed",
            detail: decisionId is { } id
                ? $"{name} is closed to {TrafficNames.NameOf(traffic)} at that instant under decision {id}: no check can be recorded there."
                : $"{name} is closed to {TrafficNames.NameOf(traffic)} at that instant: no check can be recorded there.",
            extensions: new Dictionary<string, object?> { ["decisionId"] = decisionId, ["crossingPoint"] = point.CrossingPoint.Code });
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
public sealed record CheckOptions(int LateRecordingDays)
{
    public const int DefaultLateRecordingDays = 7;

    /// <summary>How far a booth's clock may differ from the server's before a check counts as late or future.</summary>
    public static readonly Duration ClockTolerance = Duration.FromMinutes(10);

    public static CheckOptions From(IConfiguration configuration) =>
        new(Math.Clamp(configuration.GetValue("Checks:LateRecordingDays", DefaultLateRecordingDays), 0, 365));
}

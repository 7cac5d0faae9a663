using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Checks;
using Vartio.Domain.Problems;
using Vartio.Domain.Text;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <summary>
/// The officer's decision on a check, and what it records: <c>admit</c> the entry or exit record, <c>refuse</c> a
/// refusal record with its letters, <c>refer</c> a second-line case, which a later <c>admit</c> or <c>refuse</c> at
/// that crossing point closes. A decision is made once: the same decision sent again answers the same check, and
/// another decision answers 409.
/// </summary>
public sealed class CheckOutcomes(VartioDbContext db, IClock clock, SqliteWriteGate writeGate, CrossingPoints.TimelineCache timelines)
{
    public const int MaxRemarksLength = 2_000;

    /// <summary>The check, its second-line case and the record it made; null when there is no such check.</summary>
    public async Task<CheckResponse?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Checks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is null ? null : await ResponseAsync(row, cancellationToken);
    }

    public async Task<string?> CrossingPointOfAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Checks.AsNoTracking().Where(c => c.Id == id).Select(c => c.CrossingPointCode).SingleOrDefaultAsync(cancellationToken);

    public async Task<(CheckResponse? Check, CheckRefusal? Refusal)> DecideAsync(Guid id, OutcomeRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var read = Read(request);
        if (read.Problems.Count > 0)
        {
            return (null, CheckRefusal.Invalid(read.Problems, title: "The decision cannot be recorded"));
        }

        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two decisions on one check at once: the second waits for the first and then sees it decided. SQLite's
        // transaction holds the write lock from its start; PostgreSQL locks the check's row.
        var row = db is PostgresVartioDbContext
            ? await db.Checks.FromSqlInterpolated($"SELECT * FROM checks WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
            : await db.Checks.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null)
        {
            return (null, CheckRefusal.NoSuchCheck(id));
        }

        if (!StationScope.Allows(user, row.CrossingPointCode))
        {
            return (null, CheckRefusal.NotYourCrossingPoint(row.CrossingPointCode));
        }

        var openCase = await db.SecondLineCases.SingleOrDefaultAsync(c => c.CheckId == id && c.ClosedAt == null, cancellationToken);
        var outcome = read.Outcome!.Value;
        var reasons = outcome == CheckOutcome.Refuse ? (read.Reasons ?? row.RefusalReasons) : null;
        if (row.FinalOutcome is not null && openCase is null)
        {
            // Decided already: the same decision again is a retry, anything else a conflict.
            return row.FinalOutcome == CheckWords.Of(outcome) && (reasons is null || reasons == row.FinalRefusalReasons)
                ? (await ResponseAsync(row, cancellationToken), null)
                : (null, new CheckRefusal(
                    StatusCodes.Status409Conflict,
                    "The check is decided",
                    $"The check was decided '{row.FinalOutcome}' by {row.DecidedBy}; a decision is not changed afterwards.",
                    []));
        }

        if (outcome == CheckOutcome.Refer && openCase is not null)
        {
            return (await ResponseAsync(row, cancellationToken), null);
        }

        if (ProblemOf(row, outcome, reasons, read.Remarks) is { } problem)
        {
            return (null, CheckRefusal.Invalid([problem], title: "The decision cannot be recorded"));
        }

        var now = clock.GetCurrentInstant();
        var actor = Actors.Of(user);
        row.FinalOutcome = CheckWords.Of(outcome);
        row.FinalRefusalReasons = reasons;
        row.Remarks = read.Remarks ?? row.Remarks;
        row.TravellerSigned = outcome == CheckOutcome.Refuse ? read.TravellerSigned : null;
        row.DecidedAt = now;
        row.DecidedBy = actor;
        string detail;
        var counted = await CountedAsync(row, outcome, reasons, cancellationToken);
        if (counted is not null)
        {
            await db.CountAsync([counted], cancellationToken);
        }

        if (outcome == CheckOutcome.Refer)
        {
            db.SecondLineCases.Add(new SecondLineCaseRow { Id = TravelDocuments.NewId(now), CheckId = row.Id, OpenedAt = now });
            detail = "referred to second line";
        }
        else
        {
            if (openCase is not null)
            {
                openCase.ClosedAt = now;
                openCase.ClosedBy = actor;
                openCase.Outcome = row.FinalOutcome;
            }

            var kind = outcome == CheckOutcome.Refuse ? BorderRecordKinds.Refusal
                : row.Direction == CheckWords.Of(CheckDirection.Exit) ? BorderRecordKinds.Exit
                : BorderRecordKinds.Entry;
            var record = db.AppendRecord(
                new NewBorderRecord(kind, row.TravellerId, row.DocumentId, row.CrossingPointCode, row.At, row.Id, kind == BorderRecordKinds.Entry ? row.AuthorisedStayUntil : null),
                now);
            if (kind == BorderRecordKinds.Exit && row.Overstay)
            {
                await FlagExitAfterOverstayAsync(row, record, now, cancellationToken);
            }

            detail = outcome == CheckOutcome.Refuse ? $"refused ({reasons}){(openCase is null ? "" : " after second line")}" : $"{kind} recorded{(openCase is null ? "" : " after second line")}";
        }

        await db.AppendAsync(clock, [new AuditRecord(actor, "check.decided", $"check:{row.Id}", $"{detail} at {row.CrossingPointCode}")], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await ResponseAsync(row, cancellationToken), null);
    }

    /// <summary>
    /// What the decision adds to the statistics, at the instant of the check in its crossing point's local time:
    /// an entry, exit or refusal by nationality (a refusal also by each letter), or a referral to second line.
    /// A decision after second line counts its record; the referral was counted when it was made.
    /// </summary>
    private async Task<CountedEvent?> CountedAsync(CheckRow row, CheckOutcome outcome, string? reasons, CancellationToken cancellationToken)
    {
        var timeline = await timelines.GetAsync(cancellationToken);
        var zone = timeline.Contains(row.CrossingPointCode) ? timeline.For(row.CrossingPointCode).CrossingPoint.Zone : DateTimeZone.Utc;
        var nationality = await db.TravelDocuments.Where(d => d.Id == row.DocumentId).Select(d => d.Nationality).SingleOrDefaultAsync(cancellationToken);
        var measure = outcome switch
        {
            CheckOutcome.Refer => Counts.SecondLine,
            CheckOutcome.Refuse => Counts.Refusal,
            _ => row.Direction == CheckWords.Of(CheckDirection.Exit) ? Counts.Exit : Counts.Entry,
        };
        IReadOnlyList<string> dimensions = [Counts.Nationality(nationality), .. (outcome == CheckOutcome.Refuse ? reasons ?? "" : "").Select(Counts.Reason)];
        return new CountedEvent(measure, row.CrossingPointCode, row.At.InZone(zone).LocalDateTime, dimensions);
    }

    /// <summary>
    /// An exit after the authorised stay ended: the entry's open flag (from the overstay job) is cleared by this
    /// exit, or a flag is made and cleared at once, so the overstay stays on the traveller's record.
    /// </summary>
    private async Task FlagExitAfterOverstayAsync(CheckRow row, BorderRecordRow exit, Instant now, CancellationToken cancellationToken)
    {
        var entry = await db.BorderRecords
            .Where(r => r.TravellerId == row.TravellerId && r.Kind == BorderRecordKinds.Entry && r.At <= row.At && r.AuthorisedStayUntil != null)
            .OrderByDescending(r => r.At)
            .FirstOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return;
        }

        var flag = await db.OverstayFlags.SingleOrDefaultAsync(f => f.EntryRecordId == entry.Id, cancellationToken);
        if (flag is null)
        {
            flag = new OverstayFlagRow { TravellerId = row.TravellerId, EntryRecordId = entry.Id, AuthorisedStayUntil = entry.AuthorisedStayUntil!.Value, FlaggedAt = now };
            db.OverstayFlags.Add(flag);
        }

        flag.ExitRecordId = exit.Id;
        flag.ClearedAt = now;
    }

    private static Problem? ProblemOf(CheckRow row, CheckOutcome outcome, string? reasons, string? remarks)
    {
        if (outcome == CheckOutcome.Refuse && row.Direction == CheckWords.Of(CheckDirection.Exit))
        {
            return new Problem("outcome", "Exit is not refused: record the exit, or refer the traveller to second line.");
        }

        if (outcome == CheckOutcome.Refuse && string.IsNullOrEmpty(reasons))
        {
            return new Problem("refusalReasons", "Give the letters of the standard form (A–I) the refusal rests on: the check proposed none.");
        }

        return outcome != CheckWords.OutcomeOf(row.ProposedOutcome) && remarks is null && outcome != CheckOutcome.Refer
            ? new Problem("remarks", $"The check proposed '{row.ProposedOutcome}': say in the remarks why the decision differs.")
            : null;
    }

    private sealed record OutcomeRead(CheckOutcome? Outcome, string? Reasons, string? Remarks, bool? TravellerSigned, IReadOnlyList<Problem> Problems);

    private static OutcomeRead Read(OutcomeRequest request)
    {
        var problems = new List<Problem>();
        var outcome = CheckWords.OutcomeOf(request.Outcome);
        if (outcome is null)
        {
            problems.Add(new Problem("outcome", "Give admit, refuse or refer."));
        }

        string? reasons = null;
        if (request.RefusalReasons is { } letters)
        {
            if (outcome is not CheckOutcome.Refuse)
            {
                problems.Add(new Problem("refusalReasons", "Reasons are given only with a refusal."));
            }
            else if (letters.Count == 0 || letters.Any(l => l is not { Length: 1 } || l[0] is < 'A' or > 'I'))
            {
                problems.Add(new Problem("refusalReasons", "Give one or more letters of the standard form, A to I (Regulation (EU) 2016/399, Annex V Part B)."));
            }
            else
            {
                reasons = new string([.. letters.Select(l => l[0]).Distinct().Order()]);
            }
        }

        var remarks = string.IsNullOrWhiteSpace(request.Remarks) ? null : request.Remarks.Trim();
        if (remarks is not null && StoredText.Fault(remarks) is { } fault)
        {
            problems.Add(new Problem("remarks", fault));
        }
        else if (remarks is { Length: > MaxRemarksLength })
        {
            problems.Add(new Problem("remarks", $"Keep the remarks to {MaxRemarksLength} characters."));
        }

        if (request.TravellerSigned is not null && outcome is not CheckOutcome.Refuse)
        {
            problems.Add(new Problem("travellerSigned", "Only a refusal is signed by the traveller."));
        }

        return new OutcomeRead(outcome, reasons, remarks, request.TravellerSigned, problems);
    }

    private async Task<CheckResponse> ResponseAsync(CheckRow row, CancellationToken cancellationToken)
    {
        var secondLine = await db.SecondLineCases.AsNoTracking().Where(c => c.CheckId == row.Id).OrderByDescending(c => c.OpenedAt).FirstOrDefaultAsync(cancellationToken);
        var recordId = await db.BorderRecords.AsNoTracking().Where(r => r.CheckId == row.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return CheckResponses.From(row, secondLine, recordId);
    }
}

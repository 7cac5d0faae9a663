using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.CrossingPoints.Webhooks;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.CrossingPoints;
using Vartio.Hosting;

namespace Vartio.CrossingPoints;

/// <summary>The outcome of a step of the decision workflow: a decision, or the problems that stopped it.</summary>
public sealed record DecisionOutcome(DecisionResponse? Decision, IReadOnlyList<DecisionProblem> Problems, bool Created = false)
{
    public bool Succeeded => Problems.Count == 0 && Decision is not null;

    public static DecisionOutcome Failed(params DecisionProblem[] problems) => new(null, problems);
}

/// <summary>
/// Draft, preview, publish: shared by the API and the decision pages. Each step loads what it needs,
/// asks the pure rules (<see cref="DecisionRules"/>), and saves.
/// </summary>
public sealed class DecisionWorkflow(VartioDbContext db, IClock clock, TimelineCache cache, WebhookOutbox outbox)
{
    public async Task<DecisionOutcome> CreateDraftAsync(DecisionRequest request, string actor, CancellationToken cancellationToken)
    {
        var timeline = await db.LoadTimelineAsync(cancellationToken);
        var (decision, problems) = Read(request, timeline, clock);
        if (decision is null)
        {
            return new DecisionOutcome(null, problems);
        }

        problems = [.. problems, .. DecisionRules.Check(decision, timeline, publishAt: null)];
        if (problems.Count > 0)
        {
            return new DecisionOutcome(null, problems);
        }

        var row = new DecisionRow
        {
            DecidedOn = decision.DecidedOn,
            Title = decision.Title,
            Text = decision.Text,
            CreatedAt = clock.GetCurrentInstant(),
            CreatedBy = actor,
            Supersedes = [.. decision.Supersedes],
            Effects = [.. decision.Effects.Select((e, i) => e.ToRow(i))],
        };
        await db.AuditedAsync(clock, async () =>
        {
            db.Decisions.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return (row.Id, Audit(actor, "decision.drafted", row, $"{row.Effects.Count} effect(s): {row.Title}"));
        }, cancellationToken);
        return new DecisionOutcome(ToResponse(row, timeline), [], Created: true);
    }

    /// <summary>Key of the PostgreSQL advisory lock that lets one publication at a time check and publish.</summary>
    private const long PublicationLock = 0x5641_5254_494F_4450; // "VARTIODP"

    /// <summary>
    /// Publishes a draft. The check against the published decisions and the publication are one step under
    /// a lock, so two overlapping drafts published at the same moment cannot both pass the check, and a
    /// draft published several times at once is published once and every answer is the published decision.
    /// </summary>
    public async Task<DecisionOutcome> PublishAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginPublicationAsync(cancellationToken);
        var row = await db.Decisions.Include(d => d.Effects).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return DecisionOutcome.Failed(new DecisionProblem(DecisionProblemKind.NotFound, "id", $"There is no decision {id}."));
        }

        var timeline = await db.LoadTimelineAsync(cancellationToken);
        if (row.PublishedAt is not null)
        {
            // Publishing is idempotent: a retry over a bad link gets the decision as it was published.
            return new DecisionOutcome(ToResponse(row, timeline), []);
        }

        var now = clock.GetCurrentInstant();
        var problems = DecisionRules.Check(row.ToDomain(), timeline, publishAt: now);
        if (problems.Count > 0)
        {
            return new DecisionOutcome(null, problems);
        }

        var response = await db.AuditedAsync(clock, async () =>
        {
            row.PublishedAt = now;
            row.PublishedBy = actor;
            db.Announcements.Add(Announcements.For(row));
            var response = ToResponse(row, timeline);
            await outbox.EnqueueAsync(db, WebhookEvents.DecisionPublished(row.Id, now, response), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return (response, Audit(actor, "decision.published", row, $"published and announced: {row.Title}"));
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Invalidate();
        return new DecisionOutcome(response, []);
    }

    /// <summary>
    /// A transaction that holds the publication lock before anything is read: on SQLite the database's write
    /// lock, which a transaction begun as <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default) takes at
    /// once; on PostgreSQL an advisory lock held until the transaction ends. Statements after it see every
    /// publication committed before it was granted (PostgreSQL's read committed takes a snapshot per statement).
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginPublicationAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db is PostgresVartioDbContext)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PublicationLock})", cancellationToken);
        }

        return transaction;
    }

    public async Task<(PreviewResponse? Preview, DecisionProblem? Problem)> PreviewAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.Decisions.AsNoTracking().Include(d => d.Effects).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return (null, new DecisionProblem(DecisionProblemKind.NotFound, "id", $"There is no decision {id}."));
        }

        var published = await db.Decisions.AsNoTracking().Include(d => d.Effects)
            .Where(d => d.PublishedAt != null && d.Id != id).ToListAsync(cancellationToken);
        var points = await db.CrossingPoints.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(cancellationToken);
        var domainPublished = published.Select(d => d.ToDomain()).ToList();
        var current = BorderTimeline.Build(points.Select(p => p.ToDomain()), domainPublished);
        var draft = row.ToDomain();
        var preview = DecisionRules.Preview(draft, current, domainPublished, row.PublishedAt ?? clock.GetCurrentInstant());
        return (new PreviewResponse(id, [.. preview.Select(p => new CrossingPointPreviewResponse(
            p.CrossingPoint.Code,
            p.CrossingPoint.Name,
            p.Affected,
            [.. p.Changes.Select(c => new PreviewChangeResponse(
                c.At,
                TimeInput.Iso(c.At, p.CrossingPoint.Zone),
                c.Before.State,
                c.After.State,
                c.Before.ReceivesAsylumApplications,
                c.After.ReceivesAsylumApplications,
                c.Before.DecisionId,
                c.After.DecisionId))]))]), null);
    }

    public async Task<DecisionProblem?> DeleteDraftAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var row = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return new DecisionProblem(DecisionProblemKind.NotFound, "id", $"There is no decision {id}.");
        }

        if (row.PublishedAt is not null)
        {
            return new DecisionProblem(DecisionProblemKind.Conflict, "id", $"Decision {id} is published; a published decision is replaced by superseding it, not deleted.");
        }

        await db.AuditedAsync(clock, async () =>
        {
            db.Decisions.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            return (id, Audit(actor, "decision.deleted", row, $"draft deleted: {row.Title}"));
        }, cancellationToken);
        return null;
    }

    private static AuditRecord Audit(string actor, string action, DecisionRow row, string detail) =>
        new(actor, action, $"decision:{row.Id}", detail);

    public async Task<DecisionResponse?> FindAsync(int id, bool includeDrafts, CancellationToken cancellationToken)
    {
        var row = await db.Decisions.AsNoTracking().Include(d => d.Effects)
            .SingleOrDefaultAsync(d => d.Id == id && (includeDrafts || d.PublishedAt != null), cancellationToken);
        return row is null ? null : ToResponse(row, await db.LoadTimelineAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<DecisionResponse>> ListAsync(bool includeDrafts, CancellationToken cancellationToken)
    {
        var rows = await db.Decisions.AsNoTracking().Include(d => d.Effects)
            .Where(d => includeDrafts || d.PublishedAt != null)
            .ToListAsync(cancellationToken);
        var timeline = await db.LoadTimelineAsync(cancellationToken);
        return [.. rows.OrderByDescending(d => d.PublishedAt ?? d.CreatedAt).ThenByDescending(d => d.Id).Select(d => ToResponse(d, timeline))];
    }

    public static DecisionResponse ToResponse(DecisionRow row, BorderTimeline timeline)
    {
        DateTimeZone ZoneOf(string code) => timeline.Contains(code) ? timeline.For(code).CrossingPoint.Zone : DateTimeZone.Utc;
        return new DecisionResponse(
            row.Id,
            row.DecidedOn,
            row.Title,
            row.Text,
            row.PublishedAt is null ? ApiValues.DecisionDraft : ApiValues.DecisionPublished,
            row.PublishedAt,
            row.Supersedes,
            [.. row.Effects.OrderBy(e => e.Ordinal).Select(e => new EffectResponse(
                e.CrossingPointCode,
                Enum.Parse<CrossingPointState>(e.State, ignoreCase: true),
                ((Traffic)e.Traffic).ToNames(),
                e.From,
                TimeInput.Iso(e.From, ZoneOf(e.CrossingPointCode)),
                e.Until,
                e.Until is { } u ? TimeInput.Iso(u, ZoneOf(e.CrossingPointCode)) : null,
                e.ReceivesAsylumApplications,
                e.Note,
                e.AsylumRestricted))]);
    }

    /// <summary>A local time at a crossing point as an instant, or null with the problem recorded.</summary>
    private static Instant? ReadLocalTime(string? text, DateTimeZone zone, string field, string unreadable, List<DecisionProblem> problems)
    {
        if (!TimeInput.TryParseLocal(text, out var local))
        {
            problems.Add(new(DecisionProblemKind.Invalid, field, unreadable));
            return null;
        }

        if (!TimeInput.InRange(local.Date))
        {
            problems.Add(new(DecisionProblemKind.Invalid, field, TimeInput.RangeMessage));
            return null;
        }

        if (!TimeInput.TryResolve(local, zone, out var instant, out var error))
        {
            problems.Add(new(DecisionProblemKind.Invalid, field, error));
            return null;
        }

        return instant;
    }

    /// <summary>Reads a request into a decision, collecting every problem with the field it concerns.</summary>
    public static (Decision? Decision, IReadOnlyList<DecisionProblem> Problems) Read(DecisionRequest request, BorderTimeline timeline, IClock clock)
    {
        var problems = new List<DecisionProblem>();
        var effects = new List<DecisionEffect>();
        var requested = request.Effects ?? [];
        if (requested.Count > DecisionRules.MaxEffects)
        {
            return (null, [DecisionRules.TooManyEffects(requested.Count)]);
        }

        // The text as sent, before trimming: a character that may not be stored is refused, not cleaned away.
        foreach (var problem in new[]
        {
            DecisionRules.TextProblem("title", request.Title, DecisionRules.MaxTitleLength),
            DecisionRules.TextProblem("text", request.Text, DecisionRules.MaxTextLength),
        })
        {
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        if (request.DecidedOn is { } decidedOn && !TimeInput.InRange(decidedOn))
        {
            problems.Add(new(DecisionProblemKind.Invalid, "decidedOn", TimeInput.RangeMessage));
        }

        if (request.Supersedes is { Count: > DecisionRules.MaxSupersedes } supersedes)
        {
            problems.Add(new(DecisionProblemKind.Invalid, "supersedes", $"A decision supersedes at most {DecisionRules.MaxSupersedes} decisions; this one names {supersedes.Count}."));
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var e = requested[i];
            var field = $"effects[{i}]";
            if (string.IsNullOrWhiteSpace(e.CrossingPoint))
            {
                problems.Add(new(DecisionProblemKind.Invalid, $"{field}.crossingPoint", "Choose a crossing point (its code, such as VAA)."));
                continue;
            }

            var code = e.CrossingPoint.Trim().ToUpperInvariant();
            if (!timeline.Contains(code))
            {
                problems.Add(new(DecisionProblemKind.NotFound, $"{field}.crossingPoint", $"There is no crossing point '{e.CrossingPoint}'."));
                continue;
            }

            var point = timeline.For(code).CrossingPoint;
            if (DecisionRules.TextProblem($"{field}.note", e.Note, DecisionRules.MaxNoteLength) is { } noteProblem)
            {
                problems.Add(noteProblem);
            }

            CrossingPointState? state = e.Status?.Trim().ToUpperInvariant() switch
            {
                "OPEN" => CrossingPointState.Open,
                "CLOSED" => CrossingPointState.Closed,
                "RESTRICTED" => CrossingPointState.Restricted,
                _ => null,
            };
            if (state is null)
            {
                problems.Add(new(DecisionProblemKind.Invalid, $"{field}.status", "Status must be open, closed or restricted."));
            }

            var traffic = point.Traffic;
            if (e.Traffic is { Count: > 0 })
            {
                traffic = TrafficNames.Parse(e.Traffic, out var unknown);
                if (unknown.Count > 0)
                {
                    problems.Add(new(DecisionProblemKind.Invalid, $"{field}.traffic",
                        $"Unknown traffic {string.Join(", ", unknown)}; use {string.Join(", ", TrafficNames.All)}."));
                }
            }

            var from = ReadLocalTime(e.From, point.Zone, $"{field}.from", $"Give the start as {TimeInput.LocalFormat}, in {point.Name}'s local time ({point.Zone.Id}).", problems);
            var untilValid = true;
            Instant? until = null;
            if (!string.IsNullOrWhiteSpace(e.Until))
            {
                until = ReadLocalTime(e.Until, point.Zone, $"{field}.until", $"Give the end as {TimeInput.LocalFormat}, or leave it out for until further notice.", problems);
                untilValid = until is not null;
            }

            if (state is { } s && from is { } start && untilValid)
            {
                effects.Add(new DecisionEffect(code, s, traffic, start, until, e.ReceivesAsylumApplications, string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim(), e.AsylumRestricted == true));
            }
        }

        if (problems.Count > 0)
        {
            return (null, DecisionRules.Bounded(problems));
        }

        // Without a date, the decision is taken today where it applies.
        var zone = effects.Count > 0 ? timeline.For(effects[0].CrossingPointCode).CrossingPoint.Zone : DateTimeZone.Utc;
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var decision = new Decision(
            0,
            request.DecidedOn ?? today,
            request.Title?.Trim() ?? "",
            request.Text?.Trim() ?? "",
            null,
            [.. (request.Supersedes ?? []).Distinct()],
            effects);
        return (decision, problems);
    }
}

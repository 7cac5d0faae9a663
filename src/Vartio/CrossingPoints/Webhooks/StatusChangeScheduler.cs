using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Data.Entities;

namespace Vartio.CrossingPoints.Webhooks;

/// <summary>
/// Turns scheduled status changes into events when they take effect: a closure decided on Thursday that
/// begins at midnight on Saturday is announced on Thursday (decision.published) and again at midnight
/// (status.changed). Progress is kept in the database, so a restart neither repeats nor skips a change.
/// </summary>
public sealed class StatusChangeScheduler(IServiceScopeFactory scopes, IClock clock, WebhookOutbox outbox, ILogger<StatusChangeScheduler> logger)
{
    public const string Job = "status-changes";

    /// <summary>Records events for the changes since the last run; returns how many changes were found.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartioDbContext>();
        var now = clock.GetCurrentInstant();
        var cursor = await db.JobCursors.SingleOrDefaultAsync(c => c.Job == Job, cancellationToken);
        if (cursor is null)
        {
            // First run: start from now; history is not replayed to subscribers.
            db.JobCursors.Add(new JobCursorRow { Job = Job, ProcessedUpTo = now });
            await SaveIgnoringRaceAsync(db, cancellationToken);
            return 0;
        }

        if (now <= cursor.ProcessedUpTo)
        {
            return 0;
        }

        // Read the decisions afresh (one published on another server counts at once), without clearing
        // the shared cache that the status endpoint serves from.
        var timeline = await db.LoadTimelineAsync(cancellationToken);
        var changes = timeline.ChangesBetween(cursor.ProcessedUpTo, now);
        foreach (var change in changes)
        {
            var point = timeline.For(change.CrossingPointCode).CrossingPoint;
            await outbox.EnqueueAsync(db, WebhookEvents.StatusChanged(change, point), cancellationToken);
            logger.LogInformation("{CrossingPoint} changed from {From} to {To} at {At}", change.CrossingPointCode, change.From.State, change.To.State, change.At);
        }

        cursor.ProcessedUpTo = now;
        await SaveIgnoringRaceAsync(db, cancellationToken);
        return changes.Count;
    }

    /// <summary>
    /// Several servers may run this job; deliveries are unique per subscription and event, so when two
    /// record the same change, the second one's save fails and is dropped.
    /// </summary>
    private async Task SaveIgnoringRaceAsync(VartioDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Another server recorded the same status changes first.");
        }
    }
}

/// <summary>Runs the scheduler and the dispatcher in the server, each on its own interval.</summary>
public sealed class WebhookWorker(
    StatusChangeScheduler scheduler,
    WebhookDispatcher dispatcher,
    Microsoft.Extensions.Options.IOptions<WebhookOptions> options,
    ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatchEvery = TimeSpan.FromMilliseconds(options.Value.DispatchIntervalMilliseconds);
        var scheduleEvery = TimeSpan.FromSeconds(options.Value.ScheduleIntervalSeconds);
        var lastSchedule = DateTime.MinValue;
        using var timer = new PeriodicTimer(dispatchEvery);
        do
        {
            try
            {
                // Real elapsed time drives the polling; the rules inside use the injected clock.
                if (DateTime.UtcNow - lastSchedule >= scheduleEvery)
                {
                    await scheduler.RunAsync(stoppingToken);
                    lastSchedule = DateTime.UtcNow;
                }

                while (await dispatcher.DispatchDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Webhook work failed; trying again at the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Microsoft.Extensions.Options;
using NodaTime;
using Vartio.Data;
using Vartio.Domain.CrossingPoints;

namespace Vartio.CrossingPoints;

public sealed class StatusOptions
{
    /// <summary>
    /// How long one node keeps the resolved timeline before reading the decisions again. Publishing on
    /// this node clears it at once; this bounds how late another node behind the same load balancer
    /// notices a publication made elsewhere.
    /// </summary>
    public int CacheSeconds { get; set; } = 5;
}

/// <summary>
/// The resolved timeline of the published decisions, kept in memory. Status at any instant is a lookup
/// in it, so the status endpoint that everyone hits when news breaks does not touch the database.
/// </summary>
public sealed class TimelineCache(IServiceScopeFactory scopes, IClock clock, IOptions<StatusOptions> options)
{
    private readonly SemaphoreSlim reload = new(1, 1);
    private volatile Snapshot? snapshot;

    private sealed record Snapshot(BorderTimeline Timeline, Instant LoadedAt, long Version);

    private long version;

    public async ValueTask<BorderTimeline> GetAsync(CancellationToken cancellationToken) =>
        (await GetVersionedAsync(cancellationToken)).Timeline;

    /// <summary>The timeline and a number that changes whenever the cached timeline is replaced.</summary>
    public async ValueTask<(BorderTimeline Timeline, long Version)> GetVersionedAsync(CancellationToken cancellationToken)
    {
        var snapshot = this.snapshot;
        if (snapshot is not null && clock.GetCurrentInstant() - snapshot.LoadedAt < Duration.FromSeconds(options.Value.CacheSeconds))
        {
            return (snapshot.Timeline, snapshot.Version);
        }

        await reload.WaitAsync(cancellationToken);
        try
        {
            snapshot = this.snapshot;
            if (snapshot is not null && clock.GetCurrentInstant() - snapshot.LoadedAt < Duration.FromSeconds(options.Value.CacheSeconds))
            {
                return (snapshot.Timeline, snapshot.Version);
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VartioDbContext>();
            var timeline = await db.LoadTimelineAsync(cancellationToken);
            snapshot = new Snapshot(timeline, clock.GetCurrentInstant(), Interlocked.Increment(ref version));
            this.snapshot = snapshot;
            return (snapshot.Timeline, snapshot.Version);
        }
        finally
        {
            reload.Release();
        }
    }

    /// <summary>Forget the timeline: the next request reads the decisions again.</summary>
    public void Invalidate() => snapshot = null;
}

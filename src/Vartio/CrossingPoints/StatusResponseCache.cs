using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Vartio.CrossingPoints;

/// <summary>
/// Serialised status answers, so that a rush of identical requests costs one computation.
/// "Now" is answered for the start of the current second and shared within it; an explicit instant is
/// kept until the timeline changes. Everything is dropped when the timeline is reloaded (a decision was
/// published, or the cache period ended).
/// </summary>
public sealed class StatusResponseCache(TimelineCache timelines, IClock clock, IOptions<JsonOptions> json)
{
    /// <summary>Bounds the memory that requests for arbitrary instants can take.</summary>
    private const int MaxInstants = 4096;

    private volatile Entry? now;
    private volatile InstantEntries instants = new(0);

    private sealed record Entry(long Version, Instant Second, byte[] Json, int MaxAge);

    private sealed class InstantEntries(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<Instant, byte[]> Json { get; } = new();
    }

    public async ValueTask<(byte[] Json, int MaxAge)> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var second = Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var (timeline, version) = await timelines.GetVersionedAsync(cancellationToken);
        var entry = this.now;
        if (entry is not null && entry.Second == second && entry.Version == version)
        {
            return (entry.Json, entry.MaxAge);
        }

        // A change inside this second would make "the start of the second" the wrong answer for part of
        // it; such a second is answered at the exact instant and not shared.
        var next = timeline.NextChangeAfter(second);
        var exact = next is { } n && n <= now;
        var at = exact ? now : second;
        var bytes = Serialize(at, timeline);

        // Browsers and proxies may keep it briefly, never past the next scheduled change.
        var maxAge = next is { } change ? (int)Math.Clamp((change - now).TotalSeconds, 0, 5) : 5;
        if (!exact)
        {
            this.now = new Entry(version, second, bytes, maxAge);
        }

        return (bytes, maxAge);
    }

    public async ValueTask<byte[]> GetAtAsync(Instant at, CancellationToken cancellationToken)
    {
        var (timeline, version) = await timelines.GetVersionedAsync(cancellationToken);
        var entries = instants;
        if (entries.Version != version)
        {
            entries = new InstantEntries(version);
            instants = entries;
        }

        if (entries.Json.TryGetValue(at, out var cached))
        {
            return cached;
        }

        var bytes = Serialize(at, timeline);
        if (entries.Json.Count < MaxInstants)
        {
            entries.Json.TryAdd(at, bytes);
        }

        return bytes;
    }

    private byte[] Serialize(Instant at, Domain.CrossingPoints.BorderTimeline timeline) =>
        JsonSerializer.SerializeToUtf8Bytes(StatusResponse.From(at, timeline.StatusAt(at)), json.Value.SerializerOptions);
}

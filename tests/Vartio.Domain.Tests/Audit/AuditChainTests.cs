using NodaTime;
using Vartio.Domain.Audit;

namespace Vartio.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly Instant Noon = Instant.FromUtc(2023, 11, 16, 12, 0);

    /// <summary>
    /// The hash is pinned to a value computed outside .NET (Python's hashlib) from the documented
    /// serialisation: SHA-256 over the sequence and the instant's Unix ticks as big-endian 64-bit integers,
    /// then actor, action, subject, detail and previous hash, each as its UTF-8 byte count (big-endian
    /// 64-bit) followed by its bytes. Anyone can re-verify an exported log with the same recipe.
    /// </summary>
    [Fact]
    public void Hash_FollowsTheDocumentedSerialisation()
    {
        var first = AuditChain.Next(null, Noon, "user:decider", "decision.published", "decision:2", "published and announced: Vaalimaa, Nuijamaa, Imatra and Niirala close");
        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditChain.Genesis, first.PreviousHash);
        Assert.Equal("c0376c8d06df910297eadec826a55a7dbb2185539c70864e8986e624516db624", first.Hash);

        var second = AuditChain.Next(first, Noon + Duration.FromTicks(10), "cli:root", "user.disabled", "user:officer", "disabled");
        Assert.Equal(2, second.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal("0936ef1ece5ee08e54b656d9922c0925bc614b884113f4400a64b7731cc9191c", second.Hash);
    }

    [Fact]
    public void Instants_AreKeptToWholeMicroseconds_AsTheDatabasesStoreThem()
    {
        // PostgreSQL's timestamptz holds microseconds; a tick (100 ns) more would not survive a round trip.
        var entry = AuditChain.Next(null, Noon + Duration.FromTicks(17), "system", "database.seeded", "seed:border", "");
        Assert.Equal(Noon + Duration.FromTicks(10), entry.At);
        Assert.Equal(Noon - Duration.FromTicks(10), AuditChain.ToMicroseconds(Noon - Duration.FromTicks(3)));
    }

    [Fact]
    public void FieldBoundaries_AreUnambiguous()
    {
        // Without length prefixes "ab"+"c" and "a"+"bc" would hash alike.
        var one = AuditChain.HashOf(1, Noon, "ab", "c", "s", "d", AuditChain.Genesis);
        var two = AuditChain.HashOf(1, Noon, "a", "bc", "s", "d", AuditChain.Genesis);
        Assert.NotEqual(one, two);
    }

    [Fact]
    public void AnIntactChain_Verifies()
    {
        Assert.Null(AuditChain.Verify(Chain(5)));
        Assert.Null(AuditChain.Verify([]));
    }

    [Fact]
    public void AnEditedEntry_IsNamed()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Detail = "role Admin" };
        var broken = AuditChain.Verify(chain);
        Assert.Equal(3, broken?.Sequence);
        Assert.Contains("edited", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditedEntryWithItsHashRecomputed_BreaksTheNextLink()
    {
        var chain = Chain(5);
        var forged = chain[2] with { Detail = "role Admin" };
        chain[2] = forged with { Hash = AuditChain.HashOf(forged.Sequence, forged.At, forged.Actor, forged.Action, forged.Subject, forged.Detail, forged.PreviousHash) };
        Assert.Equal(4, AuditChain.Verify(chain)?.Sequence);
    }

    [Fact]
    public void ARemovedEntry_IsNamed()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        var broken = AuditChain.Verify(chain);
        Assert.Equal(2, broken?.Sequence);
        Assert.Contains("missing", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARemovedEntryWithTheRestRenumbered_BreaksTheLink()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i] = chain[i] with { Sequence = i + 1 };
        }

        Assert.Equal(2, AuditChain.Verify(chain)?.Sequence);
    }

    [Fact]
    public void ReorderedEntries_AreDetected()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2] with { Sequence = 2 }, chain[1] with { Sequence = 3 });
        Assert.Equal(2, AuditChain.Verify(chain)?.Sequence);
    }

    [Fact]
    public void LongDetails_AreCutToTheStoredLength()
    {
        var entry = AuditChain.Next(null, Noon, "system", "x.y", "s", new string('x', 2000));
        Assert.Equal(AuditChain.MaxDetailLength, entry.Detail.Length);
        Assert.Null(AuditChain.Verify([entry]));
    }

    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        AuditEntry? previous = null;
        for (var i = 0; i < length; i++)
        {
            previous = AuditChain.Next(previous, Noon + Duration.FromMinutes(i), $"user:u{i}", "user.created", $"user:n{i}", $"role Officer at VAA #{i}");
            entries.Add(previous);
        }

        return entries;
    }
}

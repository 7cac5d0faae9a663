using System.Reflection;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Domain.Tests;

/// <summary>The rules stay pure: Vartio.Domain may reference NodaTime and the runtime, nothing else.</summary>
public sealed class DomainPurityTests
{
    /// <remarks>
    /// System.Runtime also holds file I/O, the system clock, the console and the environment: their use is
    /// refused at build time by the banned-API analyzer (src/Vartio.Domain/BannedSymbols.txt), which this
    /// test cannot see.
    /// System.Security.Cryptography is the runtime's hashing, a pure computation (the audit chain's SHA-256).
    /// System.Threading is the runtime's locking: the watchlist index is shared by concurrent screenings.
    /// </remarks>
    [Fact]
    public void DomainAssembly_References_OnlyNodaTimeAndTheRuntime()
    {
        var domain = typeof(CrossingPoint).Assembly;
        var allowed = new[] { "NodaTime", "System.Runtime", "System.Collections", "System.Linq", "System.Memory", "System.Runtime.Intrinsics", "System.Text.RegularExpressions", "System.Collections.Immutable", "System.Runtime.InteropServices", "System.Globalization", "System.Numerics.Vectors", "System.Security.Cryptography", "System.Threading", "netstandard", "mscorlib", "System.Private.CoreLib" };
        var references = domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var forbidden = references.Where(r => !allowed.Contains(r, StringComparer.Ordinal)).ToList();
        Assert.True(forbidden.Count == 0, $"Vartio.Domain references {string.Join(", ", forbidden)}; only NodaTime and the base runtime are allowed.");
        Assert.Contains("NodaTime", references);
    }
}

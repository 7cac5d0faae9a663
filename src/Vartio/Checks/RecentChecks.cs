using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <summary>One line of a station's recent checks.</summary>
public sealed record RecentCheck(Guid Id, Instant At, string Direction, string Name, string Proposed, string? Decision);

/// <summary>What the check screen shows beside the check: the officer's crossing points and their latest checks.</summary>
public sealed class RecentChecks(VartioDbContext db)
{
    /// <summary>The crossing points the user records checks at, in code order.</summary>
    public async Task<IReadOnlyList<string>> CrossingPointsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var assigned = user.FindAll(VartioClaims.CrossingPoint).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var codes = await db.CrossingPoints.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => p.Code).ToListAsync(cancellationToken);
        return [.. codes.Where(c => assigned.Contains(c) && StationScope.Allows(user, c))];
    }

    /// <summary>The latest <paramref name="count"/> checks at a crossing point, newest first.</summary>
    public async Task<IReadOnlyList<RecentCheck>> AtAsync(string crossingPoint, int count, CancellationToken cancellationToken)
    {
        var rows = await db.Checks.AsNoTracking()
            .Where(c => c.CrossingPointCode == crossingPoint)
            .OrderByDescending(c => c.At)
            .Take(count)
            .Join(db.TravelDocuments, c => c.DocumentId, d => d.Id, (c, d) => new { c.Id, c.At, c.Direction, d.PrimaryIdentifier, d.SecondaryIdentifier, c.ProposedOutcome, c.FinalOutcome })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderByDescending(r => r.At)
            .Select(r => new RecentCheck(r.Id, r.At, r.Direction, string.Join(' ', new[] { r.PrimaryIdentifier, r.SecondaryIdentifier }.Where(p => !string.IsNullOrEmpty(p))), r.ProposedOutcome, r.FinalOutcome))];
    }
}

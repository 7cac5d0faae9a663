using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Problems;

namespace Vartio.Surveillance;

/// <summary>The alert subscriptions of signed-in people, for the API and the alerts page alike.</summary>
public sealed class AlertSubscriptions(VartioDbContext db, IClock clock)
{
    public async Task<AlertSubscriptionDocument> GetAsync(string userId, CancellationToken ct) =>
        AlertSubscriptionDocument.From(await db.AlertSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct));

    /// <summary>Stores the choice with its audit entry; the problems name the field when it cannot be stored.</summary>
    public async Task<(AlertSubscriptionDocument? Document, List<Problem> Problems)> SetAsync(string userId, ClaimsPrincipal user, AlertSubscriptionDocument request, CancellationToken ct)
    {
        var (document, problems) = await ReadAsync(request, db, ct);
        if (document is null)
        {
            return (null, problems);
        }

        await db.AuditedAsync(clock, async () =>
        {
            var row = await db.AlertSubscriptions.SingleOrDefaultAsync(s => s.UserId == userId, ct);
            if (document.Kind == "none")
            {
                if (row is not null)
                {
                    db.AlertSubscriptions.Remove(row);
                }
            }
            else
            {
                if (row is null)
                {
                    row = new AlertSubscriptionRow { UserId = userId, Kind = document.Kind };
                    db.AlertSubscriptions.Add(row);
                }

                row.Kind = document.Kind;
                row.Section = document.Section;
                row.CrossingPoints = document.CrossingPoints is { } codes ? string.Join(',', codes) : null;
                row.UpdatedAt = clock.GetCurrentInstant();
            }

            await db.SaveChangesAsync(ct);
            return (true, new AuditRecord(Actors.Of(user), "alert.subscription", $"user:{user.Identity?.Name}", Describe(document)));
        }, ct);
        return (document, problems);
    }

    public static string Describe(AlertSubscriptionDocument d) => d.Kind switch
    {
        "section" => "alerts in " + d.Section,
        "crossingPoints" => "alerts at " + string.Join(", ", d.CrossingPoints ?? []),
        "all" => "all alerts",
        _ => "no alerts",
    };

    private static async Task<(AlertSubscriptionDocument? Document, List<Problem> Problems)> ReadAsync(AlertSubscriptionDocument request, VartioDbContext db, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var kind = request.Kind?.Trim();
        switch (kind)
        {
            case "none":
            case "all":
                return (new AlertSubscriptionDocument(kind, null, null), problems);
            case "section":
                var sections = await db.CrossingPoints.AsNoTracking().Select(p => p.Section).Distinct().ToListAsync(ct);
                if (request.Section is not { } section || !sections.Contains(section))
                {
                    problems.Add(new Problem("section", $"Give one of the sections: {string.Join(", ", sections.OfType<string>().Order(StringComparer.Ordinal))}."));
                    return (null, problems);
                }

                return (new AlertSubscriptionDocument(kind, section, null), problems);
            case "crossingPoints":
                var codes = (request.CrossingPoints ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
                var known = await db.CrossingPoints.AsNoTracking().Select(p => p.Code).ToListAsync(ct);
                for (var i = 0; i < codes.Count; i++)
                {
                    if (!known.Contains(codes[i]))
                    {
                        problems.Add(new Problem($"crossingPoints[{i}]", $"No crossing point has the code '{codes[i]}'."));
                    }
                }

                if (codes.Count == 0)
                {
                    problems.Add(new Problem("crossingPoints", "Name at least one crossing point."));
                }

                return problems.Count > 0 ? (null, problems) : (new AlertSubscriptionDocument(kind, null, codes), problems);
            default:
                problems.Add(new Problem("kind", "Give none, all, section or crossingPoints."));
                return (null, problems);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Vartio.Data;

namespace Vartio.CrossingPoints;

/// <summary>
/// One crossing point as its staff see it, for the station API and the station page alike: its status now,
/// what changes next, and the staff and tokens assigned to it.
/// </summary>
public sealed class StationOverview(VartioDbContext db, TimelineCache cache, BorderCalendar calendar)
{
    public async Task<StationResponse?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var timeline = await cache.GetAsync(cancellationToken);
        var key = code.Trim().ToUpperInvariant();
        if (!timeline.Contains(key))
        {
            return null;
        }

        var point = timeline.For(key);
        var staff = await (from u in db.Users.AsNoTracking()
                           where u.CrossingPoints.Contains(key)
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           orderby u.UserName
                           select new StationStaffResponse(u.UserName!, r.Name!, u.Disabled)).ToListAsync(cancellationToken);
        var now = calendar.Now;
        var tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.CrossingPoints.Contains(key) && t.RevokedAt == null && t.ExpiresAt > now)
            .OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);
        return new StationResponse(
            CrossingPointResponse.From(point.CrossingPoint),
            CrossingPointStatusResponse.From(point.StatusAt(now)),
            staff,
            tokens);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Hosting;

namespace Vartio.CrossingPoints;

/// <summary>A member of staff or a machine client working at a station.</summary>
public sealed record StationStaffResponse(string Name, string Role, bool Disabled);

/// <summary>What the staff of one crossing point see of it: its status now, what changes next, who works there.</summary>
public sealed record StationResponse(
    CrossingPointResponse CrossingPoint,
    CrossingPointStatusResponse Status,
    IReadOnlyList<StationStaffResponse> Staff,
    IReadOnlyList<string> Tokens);

/// <summary>
/// The station: the crossing point as its Officers and StationHead see it. Only staff assigned to the
/// crossing point may read it (the station rule of <see cref="AccessTable"/>); this is where checks will be
/// made.
/// </summary>
public static class StationEndpoints
{
    public static IEndpointRouteBuilder MapStationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/stations/{code}", async Task<Results<Ok<StationResponse>, ProblemHttpResult>> (string code, VartioDbContext db, TimelineCache cache, IClock clock, CancellationToken ct) =>
                await LoadAsync(code, db, cache, clock, ct) is { } station
                    ? TypedResults.Ok(station)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such crossing point", detail: $"There is no crossing point '{code}'."))
            .WithTags("Stations")
            .WithName("GetStation")
            .WithSummary("One crossing point as its staff see it: status now, next change, staff and tokens assigned. Officers and StationHeads of that crossing point only.");
        return app;
    }

    public static async Task<StationResponse?> LoadAsync(string code, VartioDbContext db, TimelineCache cache, IClock clock, CancellationToken cancellationToken)
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
        var now = clock.GetCurrentInstant();
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

using Microsoft.AspNetCore.Http.HttpResults;
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
        app.MapGet("/api/v1/stations/{code}", async Task<Results<Ok<StationResponse>, ProblemHttpResult>> (string code, StationOverview stations, CancellationToken ct) =>
                await stations.LoadAsync(code, ct) is { } station
                    ? TypedResults.Ok(station)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such crossing point", detail: $"There is no crossing point '{code}'."))
            .WithTags("Stations")
            .WithName("GetStation")
            .WithSummary("One crossing point as its staff see it: status now, next change, staff and tokens assigned. Officers and StationHeads of that crossing point only.");
        return app;
    }
}

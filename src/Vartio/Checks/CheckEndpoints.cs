using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Vartio.CrossingPoints;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <summary>The first-line check and the records it makes (docs/API.md, "Border checks").</summary>
public static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder app)
    {
        var checks = app.MapGroup("/api/v1/checks").WithTags("Checks");

        checks.MapPost("/", (CheckRequest request, ClaimsPrincipal user, HttpContext http, BorderChecks service, CancellationToken ct) =>
                service.CheckAsync(http, request, user, ct))
            .WithIdempotencyKey()
            .Produces<CheckResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("CheckTraveller")
            .WithSummary("Check a traveller at a crossing point the officer is assigned to: every entry condition with its rule, and the proposed outcome.")
            .WithDescription("201 with the check. 409 when the crossing point is closed to the traffic at that instant (naming the decision). "
                + "Send an Idempotency-Key header: a retry with the same key and body answers the same check, and makes no second one.");

        checks.MapGet("/{id:guid}", async Task<IResult> (Guid id, ClaimsPrincipal user, CheckOutcomes outcomes, CancellationToken ct) =>
            {
                var check = await outcomes.FindAsync(id, ct);
                return check is null ? CheckRefusal.NoSuchCheck(id).ToResult()
                    : !StationScope.Allows(user, check.CrossingPoint) ? CheckRefusal.NotYourCrossingPoint(check.CrossingPoint).ToResult()
                    : TypedResults.Ok(check);
            })
            .Produces<CheckResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCheck")
            .WithSummary("A check: its conditions, the proposal and the officer's decision.");

        checks.MapPost("/{id:guid}/outcome", async Task<IResult> (Guid id, OutcomeRequest request, ClaimsPrincipal user, CheckOutcomes outcomes, CancellationToken ct) =>
            {
                var (check, refusal) = await outcomes.DecideAsync(id, request, user, ct);
                return refusal?.ToResult() ?? TypedResults.Ok(check);
            })
            .Produces<CheckResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DecideCheck")
            .WithSummary("Record the officer's decision: admit (the entry or exit record), refuse (a refusal record with its letters) or refer (a second-line case, closed by a later admit or refuse).");

        app.MapGet("/api/v1/travellers/{id:guid}", async Task<Results<Ok<TravellerResponse>, ProblemHttpResult>> (Guid id, TravellerOverview travellers, CancellationToken ct) =>
                await travellers.FindAsync(id, ct) is { } traveller
                    ? TypedResults.Ok(traveller)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such traveller", detail: $"There is no traveller {id}."))
            .WithTags("Checks")
            .WithName("GetTraveller")
            .WithSummary("A traveller's documents and records (with those of travellers an officer confirmed to be the same person), days used and authorised stay.");

        app.MapPost("/api/v1/travellers/{id:guid}/links", async Task<IResult> (Guid id, TravellerLinkRequest request, ClaimsPrincipal user, TravellerOverview travellers, CancellationToken ct) =>
            {
                var (traveller, refusal) = await travellers.LinkAsync(id, request, Audit.Actors.Of(user), ct);
                return refusal?.ToResult() ?? TypedResults.Ok(traveller);
            })
            .WithTags("Checks")
            .WithName("LinkTravellers")
            .Produces<TravellerResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Confirm that another traveller (another document, such as a new passport) is this same person: their records are read together from then on; nothing is merged.");

        app.MapGet("/api/v1/visa-requirements", async (VisaRequirementLists lists, CancellationToken ct) => TypedResults.Ok(await lists.ResponseAsync(ct)))
            .WithTags("Checks")
            .WithName("GetVisaRequirements")
            .WithSummary("The lists of Regulation (EU) 2018/1806 the check applies (Annex I: visa required; Annex II: exempt), each listing with its period and source.");

        app.MapPut("/api/v1/visa-requirements", async Task<IResult> (VisaRequirementsRequest request, ClaimsPrincipal user, VisaRequirementLists lists, Data.VartioDbContext db, CancellationToken ct) =>
            {
                var (replaced, problems) = await lists.ReplaceAsync(db, request, user, ct);
                return replaced is null ? ProblemResponses.Invalid(problems, "The visa lists cannot be stored") : TypedResults.Ok(replaced);
            })
            .WithTags("Checks")
            .WithName("ReplaceVisaRequirements")
            .Produces<VisaRequirementsResponse>()
            .ProducesValidationProblem()
            .WithSummary("Replace the visa lists as the regulation is amended: every listing at once, all or nothing, audited; [] returns to the lists shipped with Vartio.");

        app.MapGet("/api/v1/overstayers", async Task<Results<Ok<OverstayersResponse>, ProblemHttpResult>> ([FromQuery] string? at, TravellerOverview travellers, IClock clock, CancellationToken ct) =>
            {
                var instant = clock.GetCurrentInstant();
                if (at is not null && !TimeInput.TryReadInstant(at, out instant, out var error))
                {
                    return ProblemResponses.Invalid("at", error, "The instant cannot be used");
                }

                return TypedResults.Ok(await travellers.OverstayersAsync(instant, ct));
            })
            .WithTags("Checks")
            .WithName("ListOverstayers")
            .WithSummary("Travellers recorded entering whose authorised stay has ended with no exit recorded, longest over first; now or at the instant given.");

        app.MapGet("/api/v1/overstayers.csv", async Task<IResult> ([FromQuery] string? at, TravellerOverview travellers, IClock clock, CancellationToken ct) =>
            {
                var instant = clock.GetCurrentInstant();
                if (at is not null && !TimeInput.TryReadInstant(at, out instant, out var error))
                {
                    return ProblemResponses.Invalid("at", error, "The instant cannot be used");
                }

                var list = await travellers.OverstayersAsync(instant, ct);
                return TypedResults.Text(OverstayerCsv.Write(list), "text/csv; charset=utf-8");
            })
            .WithTags("Checks")
            .WithName("ExportOverstayers")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The overstayer list as CSV (cells that a spreadsheet would read as formulas are prefixed with an apostrophe).");

        return app;
    }
}

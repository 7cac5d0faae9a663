using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vartio.Audit;
using Vartio.Domain.CrossingPoints;
using Vartio.Domain.Problems;
using Vartio.Hosting;

namespace Vartio.CrossingPoints;

/// <summary>Decisions: anyone reads the published ones; a Decider drafts, previews and publishes.</summary>
public static class DecisionEndpoints
{
    public static IEndpointRouteBuilder MapDecisionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/decisions").WithTags("Decisions");

        api.MapGet("/", async (ClaimsPrincipal user, DecisionWorkflow workflow, CancellationToken ct) =>
                TypedResults.Ok(await workflow.ListAsync(user.IsInRole(Roles.Decider), ct)))
            .WithName("ListDecisions")
            .WithSummary("Published decisions, newest first; a Decider also sees drafts.");

        api.MapGet("/{id:int}", async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> (int id, ClaimsPrincipal user, DecisionWorkflow workflow, CancellationToken ct) =>
                await workflow.FindAsync(id, user.IsInRole(Roles.Decider), ct) is { } decision
                    ? TypedResults.Ok(decision)
                    : NotFound(id))
            .WithName("GetDecision")
            .WithSummary("One decision: published to anyone, a draft to Deciders only.");

        api.MapPost("/", async Task<IResult> (DecisionRequest request, ClaimsPrincipal user, DecisionWorkflow workflow, CancellationToken ct) =>
            {
                var outcome = await workflow.CreateDraftAsync(request, Actors.Of(user), ct);
                return outcome.Succeeded
                    ? TypedResults.Created($"/api/v1/decisions/{outcome.Decision!.Id}", outcome.Decision)
                    : Problem(outcome.Problems);
            })
            .Produces<DecisionResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblemSchema(StatusCodes.Status409Conflict, ProblemOpenApiTransformer.DecisionConflict)
            .WithName("CreateDecision")
            .WithSummary("Save a draft decision. Effects are given in each crossing point's local time.");

        api.MapGet("/{id:int}/preview", async Task<Results<Ok<PreviewResponse>, ProblemHttpResult>> (int id, DecisionWorkflow workflow, CancellationToken ct) =>
            {
                var (preview, problem) = await workflow.PreviewAsync(id, ct);
                return preview is not null ? TypedResults.Ok(preview) : NotFound(id, problem?.Message);
            })
            .WithName("PreviewDecision")
            .WithSummary("What publishing the decision would change, for every crossing point.");

        api.MapPost("/{id:int}/publish", async Task<IResult> (int id, ClaimsPrincipal user, DecisionWorkflow workflow, CancellationToken ct) =>
            {
                var outcome = await workflow.PublishAsync(id, Actors.Of(user), ct);
                return outcome.Succeeded ? TypedResults.Ok(outcome.Decision!) : Problem(outcome.Problems);
            })
            .Produces<DecisionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblemSchema(StatusCodes.Status409Conflict, ProblemOpenApiTransformer.DecisionConflict)
            .WithName("PublishDecision")
            .WithSummary("Publish a draft: it takes effect as scheduled and is announced. Publishing again returns the published decision.");

        api.MapDelete("/{id:int}", async Task<IResult> (int id, ClaimsPrincipal user, DecisionWorkflow workflow, CancellationToken ct) =>
            {
                var problem = await workflow.DeleteDraftAsync(id, Actors.Of(user), ct);
                return problem is null ? TypedResults.NoContent() : Problem([problem]);
            })
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DeleteDraftDecision")
            .WithSummary("Delete a draft. Published decisions are replaced by superseding them.");

        return app;
    }

    private static ProblemHttpResult NotFound(int id, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such decision", detail: detail ?? $"There is no decision {id}.");

    /// <summary>
    /// Problems as RFC 9457 problem details naming each field: 400 for a request that contradicts itself,
    /// 404 when it names what does not exist, 409 when it collides with a published decision (with the
    /// decisions it collides with in <c>conflictingDecisions</c>).
    /// </summary>
    internal static IResult Problem(IReadOnlyList<DecisionProblem> problems)
    {
        var bounded = DecisionRules.Bounded(problems);
        var asProblems = bounded.Select(p => new Problem(p.Field, p.Message)).ToList();
        if (bounded.Any(p => p.Kind == DecisionProblemKind.Invalid))
        {
            return ProblemResponses.Invalid(asProblems, "The decision is not valid");
        }

        if (bounded.Any(p => p.Kind == DecisionProblemKind.NotFound))
        {
            return ProblemResponses.Invalid(asProblems, "The decision names something that does not exist", StatusCodes.Status404NotFound);
        }

        var conflicts = bounded.Where(p => p.ConflictingDecisionId is not null).Select(p => p.ConflictingDecisionId!.Value).Distinct().ToArray();
        return ProblemResponses.Invalid(asProblems, "The decision overlaps a published decision", StatusCodes.Status409Conflict,
            extensions => extensions["conflictingDecisions"] = conflicts);
    }
}

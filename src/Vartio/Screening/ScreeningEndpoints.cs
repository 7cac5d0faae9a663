using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Domain.Problems;
using Vartio.Hosting;

namespace Vartio.Screening;

/// <param name="Entries">The entries the list holds after the import.</param>
public sealed record WatchlistImportResponse(string List, int Added, int Updated, int Removed, int Unchanged, int Skipped, int Entries, long Revision);

/// <summary>
/// Screening travellers against the imported watchlists, and importing them. A screening changes nothing, so it
/// leaves no audit entry, and nothing of the traveller is logged; an import is audited.
/// </summary>
public static class ScreeningEndpoints
{
    public static IEndpointRouteBuilder MapScreeningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Screening");

        api.MapPost("/screening", async Task<Results<Ok<ScreeningResult>, ProblemHttpResult>> (ScreeningRequest request, WatchlistScreening screening, IOptions<ScreeningOptions> options, CancellationToken ct) =>
            {
                var input = ScreeningInput.Read(request);
                if (input.Query is not { } query)
                {
                    return ProblemResponses.Invalid(input.Problems, "The traveller cannot be screened");
                }

                if (!await screening.WaitUntilLoadedAsync(TimeSpan.FromSeconds(options.Value.StartupWaitSeconds), ct))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The watchlists are still loading",
                        detail: "The server has just started and is loading the watchlists; try again in a few seconds.");
                }

                return TypedResults.Ok(ScreeningResult.From(query, screening.Screen(query, input.Threshold)));
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("Screen")
            .WithSummary("Screen a traveller against every imported watchlist: names in any script or romanisation, with birth date, nationality and document.")
            .WithDescription("200 with the hits, best first (an empty list when there is none). 400 (validation problem details) naming the field at fault. "
                + "Only entries valid today at the border are screened. 503 while the server is still loading the lists after a start.");

        api.MapGet("/watchlists", async (WatchlistOverview overview, CancellationToken ct) => TypedResults.Ok(await overview.ListAsync(ct)))
            .WithName("ListWatchlists")
            .WithSummary("The imported watchlists: their sizes, what this server has indexed, and their latest imports.");

        api.MapPost("/watchlists/{name}/import", async Task<Results<Ok<WatchlistImportResponse>, ProblemHttpResult>> (
                string name, string? format, HttpRequest request, ClaimsPrincipal user, WatchlistImporter importer, IOptions<ScreeningOptions> options, CancellationToken ct) =>
            {
                var problems = new List<Problem>();
                if (WatchlistImporter.NameProblem(name) is { } nameProblem)
                {
                    problems.Add(new Problem(WatchlistImporter.NameField, nameProblem));
                }

                var fileFormat = WatchlistFormats.Parse(format ?? WatchlistFormat.Vartio.Name());
                if (fileFormat is null)
                {
                    problems.Add(new Problem("format", WatchlistFormats.Problem(format)));
                }

                if (problems.Count > 0)
                {
                    return ProblemResponses.Invalid(problems, "The list cannot be imported");
                }

                // Only text/csv: a cross-site form can post multipart or form data with a signed-in administrator's
                // cookie, but not text/csv without the browser asking first.
                if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the file as text/csv",
                        detail: "The request body is the CSV file itself, with Content-Type: text/csv.");
                }

                if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = options.Value.MaxImportBytes;
                }

                var fileName = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
                    ? HeaderUtilities.RemoveQuotes(disposition.FileName).ToString()
                    : "";
                WatchlistImportResult result;
                try
                {
                    result = await importer.ImportAsync(name, fileFormat!.Value, request.Body, fileName.Length > 0 ? fileName : $"{name}.csv", Actors.Of(user), ct);
                }
                catch (DbUpdateException)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another import of this list ran at the same time",
                        detail: "Nothing of this import was applied; send it again.");
                }

                return result.Counts is { } counts
                    ? TypedResults.Ok(new WatchlistImportResponse(result.List, counts.Added, counts.Updated, counts.Removed, counts.Unchanged, counts.Skipped, counts.Entries, result.Revision))
                    : ProblemResponses.Invalid(result.Problems, "The file cannot be imported; nothing was applied");
            })
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Described here rather than with Accepts(), which would make routing answer 415 before authorisation.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The watchlist file.",
                    Content = new Dictionary<string, OpenApiMediaType> { ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
                };
                return Task.CompletedTask;
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new Hosting.RequestBodyMediaTypes("text/csv"))
            .WithName("ImportWatchlist")
            .WithSummary("Import a watchlist file into a list (created on first import): the body is the CSV, Content-Type: text/csv.")
            .WithDescription("format=vartio (default) or opensanctions. Entries absent from the file are removed, changed ones updated. "
                + "200 with the counts. 400 (problem details) with every problem of the file, each with its line and column, and nothing applied.");

        return app;
    }
}

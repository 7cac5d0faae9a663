using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using NodaTime;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Domain.Screening;

namespace Vartio.Screening;

/// <param name="Document">The travel document presented; an exact match with a lost or stolen document is a hit whatever the name.</param>
/// <param name="Threshold">The lowest score reported, above 0 and at most 1; the documented default when omitted.</param>
public sealed record ScreeningRequest(string? Name, string? BirthDate, string? Nationality, ScreeningDocumentRequest? Document, double? Threshold);

public sealed record ScreeningDocumentRequest(string? IssuingState, string? Number);

/// <param name="Entries">The entries the list holds after the import.</param>
public sealed record WatchlistImportResponse(string List, int Added, int Updated, int Removed, int Unchanged, int Skipped, int Entries, long Revision);

/// <param name="Entries">Entries in the database.</param>
/// <param name="IndexedEntries">Entries in this server's screening index; null while the list is not loaded yet.</param>
/// <param name="Imports">The latest imports, newest first.</param>
public sealed record WatchlistResponse(
    string Name,
    string? Description,
    int Entries,
    long Revision,
    Instant CreatedAt,
    Instant? LastImportAt,
    int? IndexedEntries,
    IReadOnlyList<WatchlistImportRecord> Imports);

public sealed record WatchlistImportRecord(Instant At, string Actor, string FileName, string Format, int Added, int Updated, int Removed, int Unchanged, int Skipped);

/// <summary>
/// Screening travellers against the imported watchlists, and importing them. A screening changes nothing, so it
/// leaves no audit entry, and nothing of the traveller is logged; an import is audited.
/// </summary>
public static class ScreeningEndpoints
{
    /// <summary>Imports shown per list.</summary>
    public const int History = 20;

    public static IServiceCollection AddScreening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScreeningOptions>(configuration.GetSection("Screening"));
        services.AddSingleton<WatchlistScreening>();
        services.AddHostedService<WatchlistLoader>();
        services.AddScoped<WatchlistImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapScreening(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Screening");

        api.MapPost("/screening", async Task<Results<Ok<ScreeningResult>, ValidationProblem, ProblemHttpResult>> (ScreeningRequest request, WatchlistScreening screening, IOptions<ScreeningOptions> options, CancellationToken ct) =>
            {
                var (query, threshold, errors) = Read(request);
                if (query is null)
                {
                    return TypedResults.ValidationProblem(errors, title: "The traveller cannot be screened");
                }

                if (!await screening.WaitUntilLoadedAsync(TimeSpan.FromSeconds(options.Value.StartupWaitSeconds), ct))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The watchlists are still loading",
                        detail: "The server has just started and is loading the watchlists; try again in a few seconds.");
                }

                return TypedResults.Ok(ScreeningResult.From(query, screening.Screen(query, threshold)));
            })
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("Screen")
            .WithSummary("Screen a traveller against every imported watchlist: names in any script or romanisation, with birth date, nationality and document.")
            .WithDescription("200 with the hits, best first (an empty list when there is none). 400 (validation problem details) naming the field at fault. "
                + "Only entries valid today at the border are screened. 503 while the server is still loading the lists after a start.");

        api.MapGet("/watchlists", async (VartioDbContext db, WatchlistScreening screening, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, screening, ct)))
            .WithName("ListWatchlists")
            .WithSummary("The imported watchlists: their sizes, what this server has indexed, and their latest imports.");

        api.MapPost("/watchlists/{name}/import", async Task<Results<Ok<WatchlistImportResponse>, ValidationProblem, ProblemHttpResult>> (
                string name, string? format, HttpRequest request, ClaimsPrincipal user, WatchlistImporter importer, IOptions<ScreeningOptions> options, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                if (WatchlistImporter.NameProblem(name) is { } nameProblem)
                {
                    errors["name"] = [nameProblem];
                }

                var fileFormat = WatchlistFileReader.ParseFormat(format ?? "vartio");
                if (fileFormat is null)
                {
                    errors["format"] = [$"'{format}' is not a format: expected vartio or opensanctions."];
                }

                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors, title: "The list cannot be imported");
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
                    : TypedResults.Problem(Rejected(result.Problems));
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
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new Hosting.RequestBodyMediaTypes("text/csv"))
            .WithName("ImportWatchlist")
            .WithSummary("Import a watchlist file into a list (created on first import): the body is the CSV, Content-Type: text/csv.")
            .WithDescription("format=vartio (default) or opensanctions. Entries absent from the file are removed, changed ones updated. "
                + "200 with the counts. 400 (problem details) with every problem of the file, each with its line and column, and nothing applied.");

        return app;
    }

    /// <summary>Every list with its size, this server's index of it, and its latest imports.</summary>
    public static async Task<List<WatchlistResponse>> ListAsync(VartioDbContext db, WatchlistScreening screening, CancellationToken cancellationToken)
    {
        var lists = await db.Watchlists.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        var imports = (await db.WatchlistImports.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(i => i.WatchlistId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.At).ThenByDescending(i => i.Id).Take(History)
                .Select(i => new WatchlistImportRecord(i.At, i.Actor, i.FileName, i.Format, i.Added, i.Updated, i.Removed, i.Unchanged, i.Skipped)).ToList());
        var indexed = screening.Lists.ToDictionary(l => l.Name, l => l.Index.Count, StringComparer.Ordinal);
        return [.. lists.Select(w => new WatchlistResponse(
            w.Name, w.Description, w.EntryCount, w.Revision, w.CreatedAt, w.LastImportAt,
            indexed.TryGetValue(w.Name, out var count) ? count : null,
            imports.GetValueOrDefault(w.Id) ?? []))];
    }

    /// <summary>The query, or every problem of the request keyed by its field.</summary>
    public static (ScreeningQuery? Query, double Threshold, Dictionary<string, string[]> Errors) Read(ScreeningRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0 && request.Document is null)
        {
            errors["name"] = ["Give the traveller's name (or at least a document)."];
        }
        else if (name.Length > 500)
        {
            errors["name"] = ["At most 500 characters."];
        }

        if (!PartialDate.TryParse(request.BirthDate, out var birthDate))
        {
            errors["birthDate"] = [$"'{request.BirthDate}' is not a date: expected YYYY or YYYY-MM-DD."];
        }

        var nationality = string.IsNullOrWhiteSpace(request.Nationality) ? null : request.Nationality.Trim().ToUpperInvariant();
        if (nationality is not null && !WatchlistFileReader.IsCountryCode(nationality))
        {
            errors["nationality"] = [$"'{request.Nationality}' is not a nationality: expected an ISO 3166-1 alpha-3 code such as FIN."];
        }

        WatchlistDocument? document = null;
        if (request.Document is { } given)
        {
            var state = given.IssuingState?.Trim().ToUpperInvariant() ?? "";
            if (!WatchlistFileReader.IsCountryCode(state))
            {
                errors["document.issuingState"] = [$"'{given.IssuingState}' is not an issuing state: expected an ISO 3166-1 alpha-3 or ICAO code such as FIN or D."];
            }

            if (string.IsNullOrWhiteSpace(given.Number) || given.Number.Length > 50)
            {
                errors["document.number"] = ["Give the document number (at most 50 characters)."];
            }

            document = new WatchlistDocument(state, given.Number?.Trim() ?? "");
        }

        var threshold = request.Threshold ?? ScreeningDefaults.Threshold;
        if (threshold is <= 0 or > 1 || double.IsNaN(threshold))
        {
            errors["threshold"] = ["A score above 0 and at most 1."];
        }

        return errors.Count > 0 ? (null, threshold, errors) : (new ScreeningQuery(name, birthDate, nationality, document), threshold, errors);
    }

    /// <summary>A file's problems as RFC 9457 problem details: each with its line, column and message.</summary>
    public static ProblemDetails Rejected(IReadOnlyList<WatchlistFileProblem> problems)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The file cannot be imported; nothing was applied",
            Detail = string.Join(" ", problems.Take(10).Select(p => p + ".")),
        };
        problem.Extensions["problems"] = problems.Select(p => new { line = p.Line, column = p.Column, message = p.Message }).ToList();
        return problem;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Vartio.CrossingPoints;
using Vartio.Domain.Asylum;
using Vartio.Domain.Countries;
using Vartio.Domain.Problems;
using Vartio.Hosting;

namespace Vartio.Asylum;

/// <summary>Asylum applications received at the border, and irregular arrivals directed elsewhere (docs/API.md, "Asylum applications").</summary>
public static class AsylumEndpoints
{
    public static IEndpointRouteBuilder MapAsylum(this IEndpointRouteBuilder app)
    {
        var asylum = app.MapGroup("/api/v1/asylum-applications").WithTags("Asylum");

        asylum.MapPost("/", (AsylumRegistrationRequest request, ClaimsPrincipal user, HttpContext http, AsylumRegistrations service, CancellationToken ct) =>
                service.RegisterAsync(http, request, user, ct))
            .WithIdempotencyKey()
            .Produces<AsylumRegistrationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("RegisterAsylumApplicants")
            .WithSummary("Register people asking for international protection at a crossing point the officer is assigned to: for each, whether the application is received there at that instant and, if not, where it is (nearest first).")
            .WithDescription("201 with one application per person, in the order sent; a person not received is recorded as an irregular arrival directed elsewhere. "
                + "Send an Idempotency-Key header: a retry with the same key and body answers the same registration and makes no second one.");

        asylum.MapGet("/", async Task<IResult> ([AsParameters] AsylumQuery query, ClaimsPrincipal user, AsylumApplications applications, BorderCalendar calendar, CancellationToken ct) =>
                query.Read(calendar) is ({ } filter, _)
                    ? TypedResults.Ok(await applications.ListAsync(filter, irregularArrivals: false, user, ct))
                    : ProblemResponses.Invalid(query.Read(calendar).Problems, "The filters cannot be used"))
            .Produces<AsylumListResponse>()
            .ProducesValidationProblem()
            .WithName("ListAsylumApplications")
            .WithSummary("Applications received, newest first, filtered by crossing point, period, status and nationality. Officers see their crossing points; Analysts see no names.");

        asylum.MapGet("/export.csv", async Task<IResult> ([AsParameters] AsylumQuery query, ClaimsPrincipal user, AsylumApplications applications, BorderCalendar calendar, CancellationToken ct) =>
            {
                var (filter, problems) = query.Read(calendar, AsylumFilter.MaxLimit);
                if (filter is null)
                {
                    return ProblemResponses.Invalid(problems, "The filters cannot be used");
                }

                var list = await applications.ListAsync(filter, irregularArrivals: query.IrregularArrivals == true, user, ct);
                return TypedResults.Text(AsylumCsv.Write(list, AsylumApplications.SeesPersons(user)), "text/csv; charset=utf-8");
            })
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .WithName("ExportAsylumApplications")
            .WithSummary("The same list as CSV (irregularArrivals=true for irregular arrivals); cells a spreadsheet would read as formulas are prefixed with an apostrophe.");

        asylum.MapGet("/{id:guid}", async Task<IResult> (Guid id, ClaimsPrincipal user, AsylumApplications applications, CancellationToken ct) =>
            {
                var (application, refusal) = await applications.FindAsync(id, user, ct);
                return refusal?.ToResult() ?? TypedResults.Ok(application);
            })
            .Produces<AsylumApplicationResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetAsylumApplication")
            .WithSummary("An application or irregular arrival: reception, status history and earlier registrations that may be the same person.");

        asylum.MapPost("/{id:guid}/handover", async Task<IResult> (Guid id, HandoverRequest request, ClaimsPrincipal user, AsylumApplications applications, CancellationToken ct) =>
            {
                var (application, refusal) = await applications.HandOverAsync(id, request, user, ct);
                return refusal?.ToResult() ?? TypedResults.Ok(application);
            })
            .Produces<AsylumApplicationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("HandOverAsylumApplication")
            .WithSummary("Hand a registered application over to the asylum authority (officers at its crossing point). Repeating it answers the same; states only move forward (409).");

        asylum.MapPost("/{id:guid}/status", async Task<IResult> (Guid id, AsylumStatusRequest request, ClaimsPrincipal user, AsylumApplications applications, CancellationToken ct) =>
            {
                var (application, refusal) = await applications.SetStatusAsync(id, request, user, ct);
                return refusal?.ToResult() ?? TypedResults.Ok(application);
            })
            .Produces<AsylumApplicationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetAsylumApplicationStatus")
            .WithSummary("received (by an AsylumCaseworker, after handover), withdrawn (caseworker, or an officer at its crossing point), leftBeforeHandover (an officer). Only forward (409); repeating answers the same.");

        asylum.MapPost("/{id:guid}/person", async Task<IResult> (Guid id, AsylumIdentityRequest request, ClaimsPrincipal user, AsylumApplications applications, CancellationToken ct) =>
            {
                var (application, refusal) = await applications.ConfirmIdentityAsync(id, request, user, ct);
                return refusal?.ToResult() ?? TypedResults.Ok(application);
            })
            .Produces<AsylumApplicationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ConfirmAsylumApplicantIdentity")
            .WithSummary("The officer's answer to earlier registrations that resemble the person: samePersonAs an earlier application, or newPerson. Given once; never a silent merge.");

        app.MapGet("/api/v1/irregular-arrivals", async Task<IResult> ([AsParameters] AsylumQuery query, ClaimsPrincipal user, AsylumApplications applications, BorderCalendar calendar, CancellationToken ct) =>
                query.Read(calendar) is ({ } filter, _)
                    ? TypedResults.Ok(await applications.ListAsync(filter, irregularArrivals: true, user, ct))
                    : ProblemResponses.Invalid(query.Read(calendar).Problems, "The filters cannot be used"))
            .WithTags("Asylum")
            .Produces<AsylumListResponse>()
            .ProducesValidationProblem()
            .WithName("ListIrregularArrivals")
            .WithSummary("People who asked for protection where applications were not received at that instant, and were directed elsewhere; newest first, with the same filters.");

        return app;
    }
}

/// <summary>The filters of a list, as the query string gives them.</summary>
/// <param name="CrossingPoint">One code or several separated by commas.</param>
/// <param name="From">First day (YYYY-MM-DD, at the border's local midnight) or instant, included.</param>
/// <param name="To">Last day, included, or an instant, excluded.</param>
/// <param name="Status">registered, handedOver, received, withdrawn, leftBeforeHandover.</param>
/// <param name="Limit">At most this many, newest first (default 500, at most 10,000; the CSV export gives all up to 10,000 by default).</param>
/// <param name="IrregularArrivals">For the CSV export: the irregular arrivals directed elsewhere instead of the applications received.</param>
public sealed record AsylumQuery(
    [property: FromQuery] string? CrossingPoint,
    [property: FromQuery] string? From,
    [property: FromQuery] string? To,
    [property: FromQuery] string? Status,
    [property: FromQuery] string? Nationality,
    [property: FromQuery] int? Limit,
    [property: FromQuery] bool? IrregularArrivals)
{
    public (AsylumFilter? Filter, IReadOnlyList<Problem> Problems) Read(BorderCalendar calendar, int defaultLimit = AsylumFilter.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var problems = new List<Problem>();
        var points = (CrossingPoint ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (points.Any(p => p.Length > 8 || !p.All(char.IsAsciiLetterOrDigit)))
        {
            problems.Add(new Problem("crossingPoint", "Give crossing point codes separated by commas, for example VAR,SAL."));
        }

        var from = Bound(From, "from", calendar, endOfDay: false, problems);
        var to = Bound(To, "to", calendar, endOfDay: true, problems);
        HandoverStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (AsylumWords.TryRead<HandoverStatus>(Status, out var s))
            {
                status = s;
            }
            else
            {
                problems.Add(new Problem("status", $"Give one of {AsylumWords.Names<HandoverStatus>()}."));
            }
        }

        string? nationality = null;
        if (!string.IsNullOrWhiteSpace(Nationality))
        {
            nationality = Country.FromAlpha3(Nationality.Trim().ToUpperInvariant()) is { } country && Nationality.Trim().Length == 3 ? country.Alpha3 : null;
            if (nationality is null)
            {
                problems.Add(new Problem("nationality", "Give a three-letter nationality code, for example SYR."));
            }
        }

        if (Limit is { } limit && (limit < 1 || limit > AsylumFilter.MaxLimit))
        {
            problems.Add(new Problem("limit", $"Give a limit from 1 to {AsylumFilter.MaxLimit}."));
        }

        return problems.Count > 0 ? (null, problems) : (new AsylumFilter(points, from, to, status, nationality, Limit ?? defaultLimit), []);
    }

    private static Instant? Bound(string? text, string field, BorderCalendar calendar, bool endOfDay, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Trim().Length == 10 && TimeInput.TryReadDate(text, out var date, out _))
        {
            return (endOfDay ? date.PlusDays(1) : date).AtStartOfDayInZone(calendar.Zone).ToInstant();
        }

        if (TimeInput.TryReadInstant(text, out var instant, out _))
        {
            return instant;
        }

        problems.Add(new Problem(field, "Give a date (YYYY-MM-DD) or an instant with its offset (2023-11-18T00:00+02:00)."));
        return null;
    }
}

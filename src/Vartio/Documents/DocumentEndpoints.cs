using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Vartio.CrossingPoints;
using Vartio.Domain.Documents;
using Vartio.Hosting;

namespace Vartio.Documents;

/// <summary>Travel documents: reading a machine-readable zone, for officers at the first-line check.</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/documents").WithTags("Documents");

        api.MapPost("/mrz", Results<Ok<MrzResponse>, ProblemHttpResult, ValidationProblem> (MrzRequest request, BorderCalendar calendar) =>
            {
                if (request.Lines is null)
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["lines"] = ["The zone's lines are required: {\"lines\": [\"…\", \"…\"]}."] },
                        title: "The request is not valid");
                }

                // The day of the check at this border places the zone's two-digit years.
                var result = MrzParser.Parse([.. request.Lines], calendar.Today);
                var response = MrzResponse.From(result);
                return result.IsValid ? TypedResults.Ok(response) : Unprocessable(result, response);
            })
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ReadMrz")
            .WithSummary("Read and validate a machine-readable zone (ICAO Doc 9303 TD1, TD2, TD3, MRV-A, MRV-B; the French identity card of 1988–2021).")
            .WithDescription("200 with the fields when the zone is valid, after any correction the check digits prove. "
                + "422 (problem details) when it is not valid or not a zone at all: the same keys, and each error with its field, line and position.");

        return app;
    }

    /// <summary>
    /// RFC 9457 problem details that carry every key of the response as extension members, so a client reads
    /// a faulty zone's fields and its errors (field, line, position, message) the same way as a valid one's.
    /// </summary>
    private static ProblemHttpResult Unprocessable(MrzResult result, MrzResponse response)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = result.Format is null ? "The input is not a machine-readable zone" : "The machine-readable zone is not valid",
            Detail = string.Join(" ", response.Errors.Select(e => e.Line == 0 ? $"{e.Message}." : $"Line {e.Line}, position {e.Position} ({e.Field}): {e.Message}.")),
        };
        problem.Extensions["format"] = response.Format;
        problem.Extensions["valid"] = response.Valid;
        problem.Extensions["documentCode"] = response.DocumentCode;
        problem.Extensions["issuingState"] = response.IssuingState;
        problem.Extensions["documentNumber"] = response.DocumentNumber;
        problem.Extensions["primaryIdentifier"] = response.PrimaryIdentifier;
        problem.Extensions["secondaryIdentifier"] = response.SecondaryIdentifier;
        problem.Extensions["nationality"] = response.Nationality;
        problem.Extensions["dateOfBirth"] = response.DateOfBirth;
        problem.Extensions["dateOfExpiry"] = response.DateOfExpiry;
        problem.Extensions["sex"] = response.Sex;
        problem.Extensions["optionalData"] = response.OptionalData;
        problem.Extensions["corrections"] = response.Corrections;
        problem.Extensions["errors"] = response.Errors;
        problem.Extensions["normalisations"] = response.Normalisations;
        return TypedResults.Problem(problem);
    }
}

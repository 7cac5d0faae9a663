using Microsoft.AspNetCore.Http.HttpResults;
using Vartio.Domain.Documents;
using Vartio.Hosting;

namespace Vartio.Documents;

/// <summary>Travel documents: reading a machine-readable zone, for officers at the first-line check.</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/documents").WithTags("Documents");

        api.MapPost("/mrz", Results<Ok<MrzResponse>, ProblemHttpResult> (MrzRequest request, DocumentReader reader) =>
            {
                if (request.Lines is null)
                {
                    return ProblemResponses.Invalid("lines", "The zone's lines are required: {\"lines\": [\"…\", \"…\"]}.", "The request is not valid");
                }

                var result = reader.Parse(request.Lines);
                var response = MrzResponse.From(result, request.Lines);
                return result.IsValid ? TypedResults.Ok(response) : Unprocessable(result, response);
            })
            .ProducesProblemSchema(StatusCodes.Status422UnprocessableEntity, ProblemOpenApiTransformer.InvalidZone)
            .ProducesValidationProblem()
            .WithName("ReadMrz")
            .WithSummary("Read and validate a machine-readable zone (ICAO Doc 9303 TD1, TD2, TD3, MRV-A, MRV-B; the French identity card of 1988–2021).")
            .WithDescription("200 with the fields when the zone is valid, after any correction its fields' character types decide "
                + "(a letter in a date or a check digit, a digit in a name or a state code); `expired` and `remarks` say whether the document has expired "
                + "and whether the name is in the secondary identifier only. "
                + "422 (problem details) when it is not valid or not a zone at all: the same keys, and each error with its field, line and position "
                + "(in `errors`, and in `problems` as every endpoint reports them); a failing check digit over a document number or optional data "
                + "lists in `candidates` the look-alike readings it would accept, for the officer to compare with the printed page, never applied.");

        return app;
    }

    /// <summary>
    /// RFC 9457 problem details that carry every key of the response as extension members, so a client reads
    /// a faulty zone's fields and its errors (field, line, position, message) the same way as a valid one's.
    /// </summary>
    private static ProblemHttpResult Unprocessable(MrzResult result, MrzResponse response) =>
        ProblemResponses.Invalid(
            [.. result.Problems.Select(p => p.ToProblem())],
            result.Format is null ? "The input is not a machine-readable zone" : "The machine-readable zone is not valid",
            StatusCodes.Status422UnprocessableEntity,
            extensions =>
            {
                extensions["format"] = response.Format;
                extensions["valid"] = response.Valid;
                extensions["documentCode"] = response.DocumentCode;
                extensions["issuingState"] = response.IssuingState;
                extensions["documentNumber"] = response.DocumentNumber;
                extensions["primaryIdentifier"] = response.PrimaryIdentifier;
                extensions["secondaryIdentifier"] = response.SecondaryIdentifier;
                extensions["nationality"] = response.Nationality;
                extensions["dateOfBirth"] = response.DateOfBirth;
                extensions["dateOfExpiry"] = response.DateOfExpiry;
                extensions["sex"] = response.Sex;
                extensions["optionalData"] = response.OptionalData;
                extensions["corrections"] = response.Corrections;
                extensions["errors"] = response.Errors;
                extensions["normalisations"] = response.Normalisations;
                extensions["dateOfIssue"] = response.DateOfIssue;
                extensions["zone"] = response.Zone;
                extensions["expired"] = response.Expired;
                extensions["remarks"] = response.Remarks;
            });
}

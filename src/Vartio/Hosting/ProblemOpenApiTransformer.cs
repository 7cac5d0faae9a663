using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vartio.Hosting;

/// <summary>
/// Gives the problem details that <see cref="ProblemResponses"/> writes their members in the OpenAPI document:
/// <c>problems</c> (field, line, position, message) on every 400, 404, 409, 413 and 422 it answers, and the
/// members one capability adds (a decision's <c>conflictingDecisions</c>, the fields of a faulty zone).
/// </summary>
internal sealed class ProblemOpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string InputProblem = "InputProblem";
    public const string InvalidInput = "InvalidInputProblemDetails";
    public const string DecisionConflict = "DecisionConflictProblemDetails";
    public const string InvalidZone = "MrzProblemDetails";

    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schemas[InputProblem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One thing wrong with the input. Line and position are present for input read as lines (a zone, a file) and absent otherwise.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "field", "message" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The input at fault, as a JSON path (effects[0].from) or a column or field name." },
                ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What is wrong and, where it can be said, what would be right." },
                ["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Description = "The 1-based line." },
                ["position"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Description = "The 1-based character position on the line." },
            },
        };
        schemas[InvalidInput] = AllOf(
            document,
            "Problem details (RFC 9457) for input that cannot be used: errors keyed by field, and every problem with its position.",
            ["HttpValidationProblemDetails"],
            new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) { ["problems"] = Problems(document) });
        schemas[DecisionConflict] = AllOf(
            document,
            "The decision overlaps published decisions: which, in conflictingDecisions.",
            [InvalidInput],
            new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["conflictingDecisions"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                    Description = "The ids of the published decisions it overlaps.",
                },
            });
        schemas[InvalidZone] = AllOf(
            document,
            "The zone is not valid, or not a zone: every field as read (the members of a valid zone's response), and each error with its line and position.",
            ["ProblemDetails", "MrzResponse"],
            new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) { ["problems"] = Problems(document) });
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is null)
        {
            return Task.CompletedTask;
        }

        var specific = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemSchemaMetadata>().ToList();
        foreach (var (code, response) in operation.Responses)
        {
            if (response.Content is null || !response.Content.TryGetValue(ProblemJson, out var media) || media is not OpenApiMediaType content)
            {
                continue;
            }

            var name = specific.FirstOrDefault(s => s.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) == code)?.Schema
                ?? (content.Schema is OpenApiSchemaReference { Reference.Id: "HttpValidationProblemDetails" } ? InvalidInput : null);
            if (name is not null)
            {
                content.Schema = new OpenApiSchemaReference(name, context.Document);
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Problems(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Array,
        Items = new OpenApiSchemaReference(InputProblem, document),
        Description = "Every problem found, in the order found.",
    };

    private static OpenApiSchema AllOf(OpenApiDocument document, string description, string[] bases, Dictionary<string, IOpenApiSchema> members) => new()
    {
        Description = description,
        AllOf =
        [
            .. bases.Select(b => (IOpenApiSchema)new OpenApiSchemaReference(b, document)),
            new OpenApiSchema { Type = JsonSchemaType.Object, Properties = members, Required = new HashSet<string>(members.Keys, StringComparer.Ordinal) },
        ],
    };
}

/// <summary>Names the problem-details schema of one status code of an endpoint in the OpenAPI document.</summary>
public sealed record ProblemSchemaMetadata(int StatusCode, string Schema);

public static class ProblemSchemaExtensions
{
    /// <summary>Declares that <paramref name="statusCode"/> answers problem details of the named schema.</summary>
    public static RouteHandlerBuilder ProducesProblemSchema(this RouteHandlerBuilder builder, int statusCode, string schema) =>
        builder.ProducesProblem(statusCode).WithMetadata(new ProblemSchemaMetadata(statusCode, schema));
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Vartio.Hosting;

/// <summary>Describes NodaTime values in the OpenAPI document as the strings they are serialised to.</summary>
internal sealed class NodaTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var (format, description) = type == typeof(Instant) ? ("date-time", "ISO 8601 instant in UTC")
            : type == typeof(LocalDate) ? ("date", "ISO 8601 calendar date")
            : type == typeof(LocalDateTime) ? (null, "ISO 8601 local date and time, without offset")
            : type == typeof(LocalTime) ? (null, "ISO 8601 local time")
            : ((string?)null, (string?)null);
        if (description is not null)
        {
            // One shared schema per type, whichever property is described first: the value itself is always a
            // string; whether a property may be null is said where the property is.
            schema.Type = JsonSchemaType.String;
            schema.Format = format;
            schema.Description ??= description;
            schema.Properties?.Clear();
        }

        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vartio.Hosting;

/// <summary>
/// A request record's nullable fields may be left out: the endpoint checks what it needs and answers 400
/// naming the field. The generator marks every constructor parameter required; this leaves required only
/// the fields that cannot be null, so generated clients do not demand what the server does not.
/// </summary>
internal sealed class RequestSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.JsonTypeInfo.Type.Name.EndsWith("Request", StringComparison.Ordinal) || schema.Required is null || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (name, property) in schema.Properties)
        {
            var nullable = property.Type is { } type && type.HasFlag(JsonSchemaType.Null);
            if (nullable || context.JsonTypeInfo.Properties.FirstOrDefault(p => p.Name == name) is { IsGetNullable: true } or { IsSetNullable: true })
            {
                schema.Required.Remove(name);
            }
        }

        return Task.CompletedTask;
    }
}

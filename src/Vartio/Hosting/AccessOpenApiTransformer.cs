using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vartio.Hosting;

/// <summary>
/// Says in the OpenAPI document what <see cref="AccessTable"/> enforces: which operations need a signed-in
/// caller (the sign-in cookie or an API token as a bearer token) and so may answer 401, which are for some
/// roles only and may answer 403, and which name a resource in their route and may answer 404.
/// </summary>
internal sealed class AccessOpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Cookie = "cookie";
    public const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // The document describes the API wherever it is served: its server is the origin it was fetched from.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The server this document was fetched from." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "vartio",
            Description = "The sign-in cookie set by POST /account/login.",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token (vartio_...) made by an Admin.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var route = description.ActionDescriptor.AttributeRouteInfo?.Template ?? description.RelativePath;
        var access = AccessTable.Find(AccessTable.KeyOf(route, [.. description.ActionDescriptor.EndpointMetadata]));
        operation.Responses ??= [];
        if (access is { RequiresSignIn: true })
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
            ];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in: no valid cookie or token." });
            if (access.Roles.Count > 0 || access.AtStation)
            {
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, but the role (or crossing point) may not do this." });
            }
        }

        else
        {
            // Open to anyone: an empty requirement says no credentials are needed.
            operation.Security = [new OpenApiSecurityRequirement()];
        }

        if ((route ?? "").Contains('{', StringComparison.Ordinal))
        {
            operation.Responses.TryAdd("404", new OpenApiResponse { Description = "Nothing is found at this address." });
        }

        return Task.CompletedTask;
    }
}

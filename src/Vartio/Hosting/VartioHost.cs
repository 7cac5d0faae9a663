using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Vartio.Asylum;
using Vartio.Checks;
using Vartio.Components;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Documents;
using Vartio.Screening;
using Vartio.Simulation;
using Vartio.Statistics;
using Vartio.Stays;
using Vartio.Surveillance;
using Vartio.Users;

namespace Vartio.Hosting;

/// <summary>What <c>vartio serve</c> was asked for, beyond configuration.</summary>
public sealed record ServeOptions
{
    public required DatabaseSettings Database { get; init; }

    /// <summary>Create one user per role with the passwords listed in the README.</summary>
    public bool Demo { get; init; }

    /// <summary>The clock; tests fix it, production uses the system clock.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>Where messages meant for the operator (the first admin's password) are written.</summary>
    public TextWriter Output { get; init; } = Console.Out;
}

/// <summary>Builds the web application: services, middleware and the table of endpoints.</summary>
public static class VartioHost
{
    public static WebApplicationBuilder CreateBuilder(ServeOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(VartioHost).Assembly.GetName().Name,
        });

        // Static web assets (MudBlazor's CSS and scripts) are found from the build output in every
        // environment, not only Development; a published app has them in wwwroot anyway.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddVartioDatabase(options.Database);

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddRequestProblems();
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer<NodaTimeSchemaTransformer>();
            o.AddSchemaTransformer<RequestSchemaTransformer>();
            o.AddSchemaTransformer<ApiValuesSchemaTransformer>();
            o.AddDocumentTransformer<ProblemOpenApiTransformer>();
            o.AddOperationTransformer<ProblemOpenApiTransformer>();
            o.AddDocumentTransformer<AccessOpenApiTransformer>();
            o.AddOperationTransformer<AccessOpenApiTransformer>();
            o.AddOperationTransformer<IdempotencyOpenApiTransformer>();
        });
        services.AddHealthChecks().AddDbContextCheck<VartioDbContext>("database", HealthStatus.Unhealthy);
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });

        services.AddSingleton(PublicAddress.From(builder.Configuration));
        services.AddReverseProxy(builder.Configuration);
        services.AddDataProtection().SetApplicationName("Vartio").PersistKeysToDbContext<VartioDbContext>();
        services.AddSecretEncryption(builder.Configuration, options.Database);
        services.AddAccounts(builder.Configuration);
        services.AddIdempotencyKeys(builder.Configuration);
        var loginsPerMinute = builder.Configuration.GetValue("RateLimits:LoginPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.Login, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddLanguages();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();

        services.AddCrossingPoints(builder.Configuration);
        services.AddDocuments();
        services.AddScreening(builder.Configuration);
        services.AddChecks(builder.Configuration);
        services.AddAsylum();
        services.AddStatistics();
        services.AddSurveillance(builder.Configuration);
        services.AddStays();
        services.AddSimulation();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;

        // A number is a JSON number: "12" in quotes is refused, and the OpenAPI document says integer, not
        // integer-or-string, so generated clients type it as a number.
        json.NumberHandling = JsonNumberHandling.Strict;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();

        app.UseReverseProxy();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseNotFoundPage();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseHttpLogging();
        app.UseHttpProtocol();
        app.UseAuthentication();
        app.UseCrossSiteRequestChecks();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseIdempotencyKeys();

        // Who may use what is declared once, in AccessTable, and applied to every endpoint here.
        app.MapStaticAssets().WithAccessTable();
        app.MapOpenApi().WithAccessTable();
        app.MapHealthChecks("/healthz").WithAccessTable();

        // The table of contents: one line per capability.
        var endpoints = app.MapGroup("").WithAccessTable().WithDefaultBodyLimit(app.Configuration);
        endpoints.MapLanguages();
        endpoints.MapAccounts();
        endpoints.MapCrossingPoints();
        endpoints.MapDocuments();
        endpoints.MapScreening();
        endpoints.MapChecks();
        endpoints.MapAsylum();
        endpoints.MapStatistics();
        endpoints.MapSurveillance();
        endpoints.MapStays();

        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies()
            .WithAccessTable();

        return app;
    }

    /// <summary>
    /// Prepares the database (create, migrate, seed) and the accounts (roles, a first administrator,
    /// demo users when asked). Runs before the server accepts requests.
    /// </summary>
    public static async Task InitializeAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var options = app.Services.GetRequiredService<ServeOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartioDbContext>();
        await Database.PrepareAsync(db, options.Clock, cancellationToken);
        await SecretKeyEncryption.EncryptStoredSecretsAsync(db, scope.ServiceProvider.GetRequiredService<SecretCipher>(), cancellationToken);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<VartioUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await Accounts.EnsureRolesAsync(roles);
        await Accounts.EnsureFirstAdminAsync(users, db, options.Clock, options.Output);
        if (options.Demo)
        {
            await Accounts.EnsureDemoUsersAsync(users, db, options.Clock, options.Output);
        }
    }
}

public static class RateLimits
{
    public const string Login = nameof(Login);
}

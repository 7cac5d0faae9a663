using Vartio.Domain.Surveillance;
using Vartio.Hosting;

namespace Vartio.Surveillance;

/// <summary>Surge detection's services, its background evaluation and its endpoints.</summary>
public static class SurveillanceModule
{
    public static IServiceCollection AddSurveillance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SurgeOptions>()
            .Bind(configuration.GetSection(SurgeOptions.Section))
            .Validate(o => o.Fault() is null, "The Surge options cannot be used: see docs/SURGE.md.")
            .ValidateOnStart();
        services.AddSingleton<SurgeAlerts>();
        services.AddSingleton<SurgeMonitor>();
        services.AddScoped<AlertSubscriptions>();
        if (configuration.GetValue("Surge:EvaluationMinutes", 10) is var minutes and > 0)
        {
            services.AddHostedService(provider => new SurgeWorker(
                provider.GetRequiredService<IServiceScopeFactory>(),
                TimeSpan.FromMinutes(minutes),
                provider.GetRequiredService<ILogger<SurgeWorker>>()));
        }

        return services;
    }

    public static IEndpointRouteBuilder MapSurveillance(this IEndpointRouteBuilder app)
    {
        app.MapAlertApi();
        return app;
    }
}

/// <summary>Evaluates every place at an interval, so alerts close as quiet days pass with no registration to prompt it.</summary>
public sealed class SurgeWorker(IServiceScopeFactory scopes, TimeSpan interval, ILogger<SurgeWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(
            scopes,
            interval,
            (services, ct) =>
            {
                var clock = services.GetRequiredService<NodaTime.IClock>();
                return services.GetRequiredService<SurgeMonitor>().EvaluateAsync(clock.GetCurrentInstant(), ct);
            },
            e => logger.LogWarning(e, "The periodic surge evaluation failed; it runs again at the next interval."),
            stoppingToken);
}

using Vartio.CrossingPoints.Webhooks;

namespace Vartio.CrossingPoints;

public static class CrossingPointsModule
{
    public static IServiceCollection AddCrossingPoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StatusOptions>(configuration.GetSection("Status"));
        services.Configure<WebhookOptions>(configuration.GetSection("Webhooks"));
        services.AddSingleton<TimelineCache>();
        services.AddSingleton<StatusResponseCache>();
        services.AddSingleton(new BorderZone(NodaTime.DateTimeZoneProviders.Tzdb[configuration["Border:TimeZone"] ?? "Europe/Helsinki"]));
        services.AddSingleton<BorderCalendar>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<StatusChangeScheduler>();
        services.AddScoped<DecisionWorkflow>();
        services.AddScoped<StationOverview>();
        services.AddSingleton(WebhookAddresses.From(configuration));
        services.AddSingleton<HostResolver>();
        services.AddSingleton<WebhookConnections>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("Vartio-Webhooks/1.0"))
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // Every connection goes through the address rule; a proxy would connect on its behalf, and a
                // redirect is an answer (not followed), so neither can lead a delivery elsewhere.
                ConnectCallback = provider.GetRequiredService<WebhookConnections>().ConnectAsync,
                UseProxy = false,
                AllowAutoRedirect = false,
            });
        if (configuration.GetValue("Webhooks:Enabled", true))
        {
            services.AddHostedService<WebhookWorker>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapCrossingPoints(this IEndpointRouteBuilder app)
    {
        app.MapStatusApi();
        app.MapDecisionApi();
        app.MapSubscriptionApi();
        app.MapStationApi();
        app.MapAnnouncementFeed();
        return app;
    }
}

namespace Vartio.Screening;

/// <summary>The screening capability's services and endpoints.</summary>
public static class ScreeningModule
{
    public static IServiceCollection AddScreening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScreeningOptions>(configuration.GetSection("Screening"));
        services.AddSingleton<WatchlistScreening>();
        services.AddHostedService<WatchlistLoader>();
        services.AddScoped<WatchlistImporter>();
        services.AddScoped<WatchlistOverview>();
        return services;
    }

    public static IEndpointRouteBuilder MapScreening(this IEndpointRouteBuilder app)
    {
        app.MapScreeningApi();
        return app;
    }
}

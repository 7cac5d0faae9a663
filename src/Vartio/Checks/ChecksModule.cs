namespace Vartio.Checks;

/// <summary>The border check's services.</summary>
public static class ChecksModule
{
    public static IServiceCollection AddChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(CheckOptions.From(configuration));
        services.AddSingleton<CheckRequestReader>();
        services.AddSingleton<VisaRequirementLists>();
        services.AddSingleton<Hosting.SqliteWriteGate>();
        services.AddScoped<BorderChecks>();
        services.AddScoped<CheckOutcomes>();
        services.AddScoped<TravellerOverview>();
        services.AddScoped<RecentChecks>();
        services.AddScoped<RefusalForms>();
        services.AddScoped<RecordPurge>();
        services.AddScoped<OverstayFlagger>();
        if (configuration.GetValue("Checks:RetentionJob", true))
        {
            services.AddHostedService<RecordPurgeJob>();
            services.AddHostedService<OverstayFlagJob>();
        }
        return services;
    }
}

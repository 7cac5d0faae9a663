namespace Vartio.Asylum;

/// <summary>Asylum registration's services.</summary>
public static class AsylumModule
{
    public static IServiceCollection AddAsylum(this IServiceCollection services)
    {
        services.AddSingleton<AsylumRequestReader>();
        services.AddScoped<EarlierRegistrations>();
        services.AddScoped<AsylumRegistrations>();
        services.AddScoped<AsylumApplications>();
        return services;
    }
}

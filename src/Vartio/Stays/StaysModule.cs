namespace Vartio.Stays;

public static class StaysModule
{
    public static IServiceCollection AddStays(this IServiceCollection services)
    {
        services.AddSingleton<StayAssessor>();
        return services;
    }
}

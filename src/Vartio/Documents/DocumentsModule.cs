namespace Vartio.Documents;

public static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSingleton<DocumentReader>();
        return services;
    }
}

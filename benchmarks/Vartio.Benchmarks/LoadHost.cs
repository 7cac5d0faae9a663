using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Vartio.Data;
using Vartio.Hosting;

namespace Vartio.Benchmarks;

/// <summary>
/// The real server, as <c>vartio serve</c> runs it, plus the framework's trivial endpoint
/// (<c>GET /bench/plaintext</c>) as the ceiling that the load scripts compare the status endpoint with.
/// The trivial endpoint exists only in this benchmark host.
/// </summary>
public static class LoadHost
{
    public static async Task RunAsync(string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vartio-load-{Environment.ProcessId}.db");
        var options = new ServeOptions { Database = DatabaseSettings.SqliteFile(path), Output = TextWriter.Null };
        var builder = VartioHost.CreateBuilder(options, args);
        var app = VartioHost.Build(builder);
        app.MapGet("/bench/plaintext", () => "Hello, World!").AllowAnonymous();
        await VartioHost.InitializeAsync(app);
        try
        {
            await app.RunAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Vartio.Hosting;

/// <summary>
/// The loop of a background job: at start and then at every interval, the work in a scope of its own. A
/// database that is briefly away fails one run, which is reported and tried again at the next interval.
/// </summary>
public static class PeriodicWork
{
    public static async Task RunAsync(
        IServiceScopeFactory scopes,
        TimeSpan interval,
        Func<IServiceProvider, CancellationToken, Task> work,
        Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                failed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

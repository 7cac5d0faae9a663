using Microsoft.Extensions.Options;

namespace Vartio.Screening;

/// <summary>Loads the lists when the server starts, then polls for imports made elsewhere.</summary>
public sealed class WatchlistLoader(WatchlistScreening screening, IOptions<ScreeningOptions> options, ILogger<WatchlistLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.RefreshSeconds)));
        do
        {
            try
            {
                await screening.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Loading the watchlists failed; trying again at the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using BenchmarkDotNet.Running;

namespace Vartio.Benchmarks;

public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        // "loadhost" runs the server for the HTTP load scripts in benchmarks/load; anything else goes to
        // BenchmarkDotNet.
        if (args is ["loadhost", .. var rest])
        {
            await LoadHost.RunAsync(rest);
            return;
        }

        // "screening-eval" prints precision and recall on benchmarks/screening-eval; "screening-perf" times
        // screening over a generated list of a million entries (docs/PERFORMANCE.md, "Screening").
        if (args is ["screening-eval", .. var evalArgs])
        {
            await ScreeningEvaluation.RunAsync(evalArgs);
            return;
        }

        // "checks-load" measures POST /api/v1/checks under load over a generated database (docs/PERFORMANCE.md,
        // "Border check under load").
        if (args is ["checks-load", .. var checkArgs])
        {
            Environment.ExitCode = await ChecksLoad.RunAsync(checkArgs);
            return;
        }

        // "screening-recall" prints recall per kind of miss and false hits on unrelated names (docs/SCREENING.md).
        if (args is ["screening-recall", .. var recallArgs])
        {
            ScreeningRecall.Run(recallArgs);
            return;
        }

        // "statistics-counts" reads a year of daily counts from the counters and by GROUP BY over ten million raw
        // records; "simulation-rate" measures the simulator's records per second (docs/PERFORMANCE.md, "Statistics").
        if (args is ["statistics-counts", .. var countArgs])
        {
            Environment.ExitCode = await StatisticsCounts.RunAsync(countArgs);
            return;
        }

        if (args is ["simulation-rate", .. var rateArgs])
        {
            Environment.ExitCode = await SimulationRate.RunAsync(rateArgs);
            return;
        }

        if (args is ["screening-perf", .. var perfArgs])
        {
            ScreeningPerformance.Run(perfArgs);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args, BenchmarkConfig.Default);
    }
}

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

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args, BenchmarkConfig.Default);
    }
}

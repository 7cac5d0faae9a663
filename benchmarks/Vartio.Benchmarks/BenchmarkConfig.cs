using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Vartio.Benchmarks;

/// <summary>Shared configuration: memory diagnoser, median and ratio columns (the machines are noisy).</summary>
public static class BenchmarkConfig
{
    public static IConfig Default { get; } = DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median)
        .WithOptions(ConfigOptions.JoinSummary);
}

#!/bin/sh
# The MRZ benchmark and its baseline in one run, for docs/PERFORMANCE.md "MRZ parsing": the npm package
# mrz before and after BenchmarkDotNet, so the baseline brackets the .NET measurement on the same machine.
#   sh benchmarks/mrz-baseline/run.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
npm ci --no-audit --no-fund --silent
echo "== baseline (before)"
node bench.mjs 20000 11
echo "== Vartio"
cd "$here/../.."
dotnet run -c Release --project benchmarks/Vartio.Benchmarks -- --filter '*MrzBenchmarks*' --buildTimeout 900
echo "== baseline (after)"
node "$here/bench.mjs" 20000 11

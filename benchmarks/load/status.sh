#!/usr/bin/env bash
# Concurrent load on GET /api/v1/status against the framework's trivial endpoint, in the same run.
#
#   bash benchmarks/load/status.sh [seconds-per-run] [rounds] [connections]
#
# Builds Release, starts the benchmark host (the real server plus GET /bench/plaintext) on a loopback
# port, then alternates wrk runs over the endpoints for the given rounds, and prints the median
# requests per second of each and their ratio to the trivial endpoint, as a Markdown table.
# Needs wrk (Debian package wrk). Client and server share the machine: read ratios, not absolutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
rounds=${2:-3}
connections=${3:-32}
port=${PORT:-5123}

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
dotnet build benchmarks/Vartio.Benchmarks -c Release -nologo -v quiet >/dev/null

Logging__LogLevel__Default=Warning Webhooks__Enabled=false \
  dotnet benchmarks/Vartio.Benchmarks/bin/Release/net10.0/Vartio.Benchmarks.dll loadhost --urls "http://127.0.0.1:$port" >/dev/null &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 1
done

declare -A paths=(
  [plaintext]="/bench/plaintext"
  [status-now]="/api/v1/status"
  [status-at]="/api/v1/status?at=2023-11-20T12:00%2B02:00"
)
order=(plaintext status-now status-at)
results=$(mktemp)

# Warm up every endpoint (JIT, caches) before measuring.
for name in "${order[@]}"; do
  wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port${paths[$name]}" >/dev/null
done

for round in $(seq 1 "$rounds"); do
  for name in "${order[@]}"; do
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port${paths[$name]}")
    rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
    p50=$(awk '$1=="50%"{print $2}' <<<"$out")
    p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/{print $5}' <<<"$out")
    echo "$name $round $rps $p50 $p99 ${non2xx:-0}" >>"$results"
  done
done

python3 - "$results" "$seconds" "$rounds" "$connections" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
seconds, rounds, connections = sys.argv[2:5]
by = {}
for name, _round, rps, p50, p99, non2xx in rows:
    by.setdefault(name, []).append((float(rps), p50, p99, int(non2xx)))
base = statistics.median(r[0] for r in by["plaintext"])
print(f"wrk, 2 threads, {connections} connections, {seconds} s per run, {rounds} rounds alternating; median of rounds.")
print()
print("| endpoint | median req/s | ratio to trivial | p50 latency (median run) | p99 latency (median run) | non-2xx |")
print("|---|---:|---:|---:|---:|---:|")
for name in ["plaintext", "status-now", "status-at"]:
    runs = sorted(by[name], key=lambda r: r[0])
    mid = runs[len(runs) // 2]
    med = statistics.median(r[0] for r in runs)
    print(f"| {name} | {med:,.0f} | {med / base:.2f} | {mid[1]} | {mid[2]} | {sum(r[3] for r in runs)} |")
PY

// Baseline for docs/PERFORMANCE.md "MRZ parsing": the npm package mrz parsing the same TD1, TD2 and TD3
// zones as MrzBenchmarks. Prints, per format, the median of several timed rounds in operations per second.
//   node bench.mjs [iterations-per-round] [rounds]
import { readFileSync } from 'node:fs';
import { parse } from 'mrz';

const inputs = JSON.parse(readFileSync(new URL('./inputs.json', import.meta.url), 'utf8'));
const iterations = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 15);
let sink = 0;

function round(lines) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const result = parse(lines);
    sink += result.valid ? 1 : 0;
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

console.log(`node ${process.version}, mrz ${JSON.parse(readFileSync(new URL('./node_modules/mrz/package.json', import.meta.url), 'utf8')).version}, ${iterations} iterations x ${rounds} rounds`);
for (const format of ['TD1', 'TD2', 'TD3']) {
  const lines = inputs[format];
  round(lines); // warm-up: let the JIT optimise before measuring
  const seconds = [];
  for (let r = 0; r < rounds; r++) seconds.push(round(lines));
  const perOp = median(seconds) / iterations;
  console.log(`${format}\tmedian ${(perOp * 1e9).toFixed(0)} ns/op\t${Math.round(1 / perOp)} ops/s`);
}
if (sink === 0) console.log('no valid result');

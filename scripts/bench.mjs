// Start-up and memory budget of a full offline check, measured side by side with a bare
// `node -e 0`: ratio of medians (target <= 1.5) and peak RSS (target <= 80 MiB).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 21);
const check = ['dist/bin.cjs', 'examples/good/chain.pem', '--ca', 'examples/lab-root.pem', '--sbc', 'sbc1.example.com',
  '--uri', 'sip:+13175550100;tgrp=carrier1;trunk-context=byoc.example.com@lb01.voice.use1.pure.cloud:5061;transport=tls',
  '--offline', '--format', 'json', '--at', '2027-01-01T00:00:00Z'];
const defaultTrust = ['dist/bin.cjs', 'examples/good/chain.pem', '--sbc', 'sbc1.example.com', '--offline', '--format', 'json'];

function wall(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Peak RSS of the child, read by the child itself at exit (kilobytes).
function peakRss(args) {
  const r = spawnSync(process.execPath, ['--require', probeFile, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  return Number(r.output[3]?.toString() || NaN) / 1024;
}

const probeFile = join(mkdtempSync(join(tmpdir(), 'byoc-bench-')), 'peak-rss.cjs');
writeFileSync(probeFile, "process.on('exit', () => require('fs').writeSync(3, String(process.resourceUsage().maxRSS)));\n");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(label, args) {
  const base = [];
  const cli = [];
  wall(['-e', '0']);
  wall(args);
  for (let i = 0; i < runs; i++) {
    base.push(wall(['-e', '0']));
    cli.push(wall(args));
  }
  const ratio = median(cli) / median(base);
  const rss = Math.max(peakRss(args), peakRss(args));
  console.log(`${label.padEnd(34)} node -e 0 ${median(base).toFixed(1)} ms | byoc-check ${median(cli).toFixed(1)} ms | ratio ${ratio.toFixed(2)} (target <= 1.50) | peak RSS ${rss.toFixed(1)} MiB (target <= 80)`);
  return { ratio, rss };
}

const results = [measure('offline check (--ca, --uri)', check), measure('offline check (BYOC list, stores)', defaultTrust)];
const ok = results.every((r) => r.ratio <= 1.5 && r.rss <= 80);
console.log(ok ? 'bench: within budget' : 'bench: OVER BUDGET');
process.exitCode = ok ? 0 : 1;

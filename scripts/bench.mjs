// Every figure is a ratio to a reference measured in the same run, with peak RSS (the machine is
// shared, so absolute times drift; ratios measured side by side do not):
// - the full offline check (cold, code-cached) against a bare `node -e 0`: target <= 1.5x, <= 80 MiB;
// - `scan` of generated repositories (scripts/scan-repo.mjs) of 10 and 1,000 trunks (5,000 with
//   BENCH_SCAN_5000=1: generating it takes minutes once, each scan of it about 10 s) against a bare pipeline that
//   only reads, parses and verifies the same chain files with node:crypto; targets: >= 1,000 chains/s and
//   <= 200 MiB at 1,000 trunks, <= 300 MiB at 5,000, < 1 s for 10 trunks (a pre-commit hook);
// - the live probe against sslscan on the same Kamailio (target <= 3x), skipped with the reason when
//   kamailio or sslscan is missing.
// BENCH_RUNS, BENCH_SCAN_RUNS and BENCH_PROBE_RUNS set the repetitions (medians are reported).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 21);
const check = [
  'dist/bin.cjs',
  'examples/good/chain.pem',
  '--ca',
  'examples/lab-root.pem',
  '--sbc',
  'sbc1.example.com',
  '--uri',
  'sip:+13175550100;tgrp=carrier1;trunk-context=byoc.example.com@lb01.voice.use1.pure.cloud:5061;transport=tls',
  '--offline',
  '--format',
  'json',
  '--at',
  '2027-01-01T00:00:00Z',
];
const defaultTrust = ['dist/bin.cjs', 'examples/good/chain.pem', '--sbc', 'sbc1.example.com', '--offline', '--format', 'json'];

function wall(args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Peak RSS of the child, read by the child itself at exit (kilobytes).
function peakRss(args, env) {
  const r = spawnSync(process.execPath, ['--require', probeFile, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  return Number(r.output[3]?.toString() || NaN) / 1024;
}

const probeFile = join(mkdtempSync(join(tmpdir(), 'byoc-bench-')), 'peak-rss.cjs');
writeFileSync(probeFile, "process.on('exit', () => require('fs').writeSync(3, String(process.resourceUsage().maxRSS)));\n");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One row of the table: the figure, its reference, the ratio and the peak RSS, against the targets. */
function row(label, ms, refLabel, refMs, rss, { ratioMax, rssMax, extra = '' } = {}) {
  const ratio = ms / refMs;
  const ok = (ratioMax === undefined || ratio <= ratioMax) && (rssMax === undefined || rss <= rssMax);
  console.log(
    `${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms | ${refLabel} ${refMs.toFixed(0)} ms | ratio ${ratio.toFixed(2)}${ratioMax ? ` (<= ${ratioMax.toFixed(2)})` : ''} | peak RSS ${rss.toFixed(1)} MiB${rssMax ? ` (<= ${rssMax})` : ''}${extra}${ok ? '' : ' | OVER'}`,
  );
  return ok;
}

function measure(label, args, env) {
  const base = [];
  const cli = [];
  wall(['-e', '0']);
  wall(args, env);
  for (let i = 0; i < runs; i++) {
    base.push(wall(['-e', '0']));
    cli.push(wall(args, env));
  }
  const rss = Math.max(peakRss(args, env), peakRss(args, env));
  return row(label, median(cli), 'node -e 0', median(base), rss, { ratioMax: 1.5, rssMax: 80 });
}

const tlsSettings = [...check, '--ciphers', 'HIGH:!aNULL:!MD5', '--curves', 'X25519:P-256'];
const results = [
  measure('offline check (--ca, --uri)', check),
  measure('offline check (BYOC list, stores)', defaultTrust),
  measure('offline check (--ciphers, --curves)', tlsSettings),
];
// Informational: the same check with the TLS result cache switched off (a first run on a new OpenSSL).
{
  const base = [];
  const cli = [];
  for (let i = 0; i < Math.min(runs, 7); i++) {
    base.push(wall(['-e', '0']));
    cli.push(wall(tlsSettings, { BYOC_CHECK_TLS_CACHE: 'off' }));
  }
  row('  same, TLS result cache off', median(cli), 'node -e 0', median(base), peakRss(tlsSettings, { BYOC_CHECK_TLS_CACHE: 'off' }));
}
const ok = results.every(Boolean);
console.log(ok ? 'bench: within budget' : 'bench: OVER BUDGET');
process.exitCode = ok ? 0 : 1;

/** A bare pipeline over the same repository: read every certificate file, parse and verify each chain with node:crypto. */
const barePipeline = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { X509Certificate } = require('node:crypto');
const root = new X509Certificate(readFileSync(process.argv[1]));
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
let chains = 0;
for (const f of walk('.')) {
  if (!f.endsWith('.pem') || f.endsWith(process.argv[1])) continue;
  const pems = readFileSync(f, 'latin1').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  const certs = pems.map((p) => new X509Certificate(p));
  const ok = certs.every((c, i) => c.verify((certs[i + 1] ?? root).publicKey));
  if (certs.length && ok) chains++;
}
process.stdout.write(String(chains));
`;

if (!(await benchScan())) {
  console.log('bench: scan OVER BUDGET');
  process.exitCode = 1;
}

async function benchScan() {
  const { generateScanRepo, SCAN_REPO_VERSION } = await import('./scan-repo.mjs');
  const scanRuns = Number(process.env.BENCH_SCAN_RUNS ?? 5);
  const sizes = [10, 1000, ...(process.env.BENCH_SCAN_5000 ? [5000] : [])];
  if (!process.env.BENCH_SCAN_5000)
    console.log('scan, 5000 trunks: skipped (opt in with BENCH_SCAN_5000=1; minutes to generate once, about 10 s a scan)');
  let ok = true;
  for (const trunks of sizes) {
    const repo = await generateScanRepo(join(tmpdir(), `byoc-bench-scan-v${SCAN_REPO_VERSION}-${trunks}`), trunks, { cache: true });
    const scanArgs = [join(root, 'dist/bin.cjs'), 'scan', '--ca', repo.ca, '--format', 'json', '--at', repo.at, '--offline'];
    const bareArgs = ['-e', barePipeline, repo.ca];
    const run = (args, probe) =>
      spawnSync(process.execPath, [...(probe ? ['--require', probeFile] : []), ...args], {
        cwd: repo.dir,
        maxBuffer: 1 << 30,
        stdio: ['ignore', probe ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
    const first = run(scanArgs, false);
    if (first.status !== 0 && first.status !== 1) throw new Error(`scan exited ${first.status}: ${first.stderr}`);
    const report = JSON.parse(first.stdout.toString());
    const chains = report.trunks.filter((t) => t.chains.some((c) => c.file)).length;
    const timed = (args) => {
      const start = process.hrtime.bigint();
      run(args, false);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const times = [];
    const bare = [];
    const node = [];
    timed(bareArgs);
    for (let i = 0; i < scanRuns; i++) {
      times.push(timed(scanArgs));
      bare.push(timed(bareArgs));
      node.push(timed(['-e', '0']));
    }
    const ms = median(times);
    const rss = Number(run(scanArgs, true).output[3]?.toString() || NaN) / 1024;
    const bareRss = Number(run(bareArgs, true).output[3]?.toString() || NaN) / 1024;
    const rate = chains / (ms / 1000);
    const bareRate = chains / (median(bare) / 1000);
    const label = `scan, ${trunks} trunks (${chains} chains)`;
    if (trunks === 10) {
      const within = ms < 1000;
      ok &&= within;
      row(label, ms, 'node -e 0', median(node), rss, { extra: ` | target < 1000 ms${within ? '' : ' | OVER'}` });
    } else {
      const rssMax = trunks >= 5000 ? 300 : 200;
      // row() prints: it must run whatever the rows before it found (`ok &&= row(...)` skipped the 5,000-trunk row)
      const within = row(label, ms, 'bare pipeline', median(bare), rss, {
        rssMax,
        extra: ` | ${rate.toFixed(0)} chains/s (>= 1000${rate >= 1000 ? '' : ', OVER'}) | bare ${bareRate.toFixed(0)} chains/s, ${bareRss.toFixed(0)} MiB | report ${(first.stdout.length / 1048576).toFixed(1)} MiB`,
      });
      ok = ok && within && rate >= 1000;
    }
  }
  return ok;
}

// The live probe against real peers on loopback, side by side with sslscan (and testssl.sh when
// BENCH_TESTSSL=1: it takes tens of seconds per run). Goal: within 3x sslscan's wall time on the
// Kamailio peer, and at least 100x faster than testssl.sh. Skipped when the tools are missing.
const have = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).error === undefined;
const probeResults = await benchProbe();
if (probeResults.some((r) => r.ratio > 3)) {
  console.log('bench: probe OVER BUDGET (more than 3x sslscan)');
  process.exitCode = 1;
}

// A fleet: 50 SBCs on loopback (node:tls answering SIP OPTIONS, in a child process so they answer while
// the bench waits), probed in one run through --connect-to; then 50 of which 10 are silent. Goals: about
// 2 s for 50 answering targets; with silent ones, within --timeout plus 1 s.
const fleetOk = await benchFleet();
if (!fleetOk) {
  console.log('bench: fleet OVER BUDGET');
  process.exitCode = 1;
}

async function benchFleet() {
  const { spawn } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'byoc-bench-fleet-'));
  const names = Array.from({ length: 50 }, (_, i) => `sbc${i}.fleet.example`);
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=sbc0.fleet.example',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-addext',
      `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
    ],
    { stdio: 'ignore' },
  );
  if (made.status !== 0) {
    console.log('fleet bench: skipped (openssl could not make a certificate)');
    return true;
  }
  const serverScript = `
    const tls = require('node:tls'); const net = require('node:net'); const fs = require('node:fs');
    const opts = { cert: fs.readFileSync(process.argv[1]), key: fs.readFileSync(process.argv[2]), minVersion: 'TLSv1.2' };
    const ports = []; let pending = 60;
    const done = () => { if (--pending === 0) process.stdout.write(JSON.stringify(ports) + '\\n'); };
    for (let i = 0; i < 50; i++) {
      const s = tls.createServer(opts, (sock) => { sock.on('error', () => {}); let t = '';
        sock.on('data', (c) => { t += c.toString('latin1'); if (!t.includes('\\r\\n\\r\\n')) return;
          const h = (n) => (new RegExp('^' + n + ':.*$', 'im').exec(t) || [''])[0];
          sock.write(['SIP/2.0 200 OK', h('Via'), h('From'), h('To') + ';tag=b', h('Call-ID'), h('CSeq'), 'Content-Length: 0', '', ''].join('\\r\\n')); t = ''; }); });
      s.listen(0, '127.0.0.1', () => { ports[i] = s.address().port; done(); });
    }
    for (let i = 50; i < 60; i++) { const s = net.createServer((sock) => { sock.on('error', () => {}); }); s.listen(0, '127.0.0.1', () => { ports[i] = s.address().port; done(); }); }
  `;
  const child = spawn(process.execPath, ['-e', serverScript, join(dir, 'cert.pem'), join(dir, 'key.pem')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const ports = await new Promise((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d) => {
        text += d;
        if (text.includes('\n')) resolve(JSON.parse(text));
      });
      child.once('exit', () => reject(new Error('fleet servers exited')));
    });
    const fleet = (count, silent, timeout) => {
      const args = [
        join(root, 'dist/bin.cjs'),
        'probe',
        '--offline',
        '--format',
        'json',
        '--ca',
        join(dir, 'cert.pem'),
        '--timeout',
        String(timeout),
      ];
      for (let i = 0; i < count; i++) {
        const port = i < count - silent ? ports[i] : ports[50 + (i - (count - silent))];
        args.push(names[i], '--connect-to', `${names[i]}:5061:127.0.0.1:${port}`);
      }
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (r.status !== 0 && r.status !== 1) throw new Error(`fleet probe exited ${r.status}: ${r.stderr}`);
      return ms;
    };
    const runs = Number(process.env.BENCH_FLEET_RUNS ?? 3);
    const answering = median(Array.from({ length: runs }, () => fleet(50, 0, 5)));
    const withSilent = median(Array.from({ length: runs }, () => fleet(50, 10, 2)));
    const okAnswering = answering <= 2500;
    const okSilent = withSilent <= 3000;
    console.log(
      `probe fleet, 50 answering targets`.padEnd(50) + ` ${answering.toFixed(0)} ms | target about 2000 ms${okAnswering ? '' : ' | OVER'}`,
    );
    console.log(
      `probe fleet, 50 targets, 10 silent (--timeout 2)`.padEnd(50) +
        ` ${withSilent.toFixed(0)} ms | target <= --timeout + 1 s = 3000 ms${okSilent ? '' : ' | OVER'}`,
    );
    return okAnswering && okSilent;
  } finally {
    child.kill();
  }
}

async function benchProbe() {
  const { spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  if (!have('openssl')) return [];
  const dir = mkdtempSync(join(tmpdir(), 'byoc-bench-probe-'));
  const sh = (args) => spawnSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  writeFileSync(join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  writeFileSync(
    join(dir, 'leaf.ext'),
    'subjectAltName=DNS:sbc1.example.com\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n',
  );
  sh([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-subj',
    '/CN=Bench Root',
    '-days',
    '30',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  sh(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/CN=Bench Issuing CA']);
  sh([
    'x509',
    '-req',
    '-in',
    'int.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-out',
    'int.pem',
    '-days',
    '30',
    '-extfile',
    'ca.ext',
  ]);
  sh(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=sbc1.example.com']);
  sh([
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'int.pem',
    '-CAkey',
    'int.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    '30',
    '-extfile',
    'leaf.ext',
  ]);
  const { readFileSync } = await import('node:fs');
  writeFileSync(join(dir, 'chain.pem'), readFileSync(join(dir, 'leaf.pem'), 'utf8') + readFileSync(join(dir, 'int.pem'), 'utf8'));
  const freePort = () =>
    new Promise((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    });
  const waitPort = async (port) => {
    const { connect } = await import('node:net');
    for (let i = 0; i < 150; i++) {
      if (
        await new Promise((r) => {
          const c = connect({ host: '127.0.0.1', port }, () => {
            c.destroy();
            r(true);
          });
          c.on('error', () => r(false));
        })
      )
        return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };
  const peers = [];
  if (have('kamailio')) {
    const port = await freePort();
    writeFileSync(
      join(dir, 'tls.cfg'),
      `[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\nrequire_certificate = no\nprivate_key = ${dir}/leaf.key\ncertificate = ${dir}/chain.pem\ncipher_list = ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:AES256-GCM-SHA384:AES256-SHA\n`,
    );
    writeFileSync(
      join(dir, 'kamailio.cfg'),
      `#!KAMAILIO\ndebug=1\nlog_stderror=yes\nfork=yes\nchildren=2\ntcp_children=4\nenable_tls=yes\nauto_aliases=no\nlisten=tls:127.0.0.1:${port}\nmpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/:/usr/lib/kamailio/modules/"\nloadmodule "tls.so"\nloadmodule "sl.so"\nmodparam("tls", "config", "${dir}/tls.cfg")\nrequest_route {\n  if (method=="OPTIONS") { sl_send_reply("200", "OK"); exit; }\n  sl_send_reply("403", "Forbidden");\n}\n`,
    );
    const child = spawn('kamailio', ['-f', join(dir, 'kamailio.cfg'), '-DD', '-E', '-Y', dir, '-P', join(dir, 'k.pid')], {
      stdio: 'ignore',
    });
    if (await waitPort(port)) peers.push({ label: 'Kamailio (TLS, answers OPTIONS)', port, child });
    else child.kill();
  }
  {
    const port = await freePort();
    const child = spawn(
      'openssl',
      [
        's_server',
        '-accept',
        `127.0.0.1:${port}`,
        '-naccept',
        '100000',
        '-cert',
        'leaf.pem',
        '-key',
        'leaf.key',
        '-cert_chain',
        'int.pem',
        '-tls1_2',
        '-groups',
        'secp384r1',
        '-quiet',
      ],
      { cwd: dir, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    if (await waitPort(port)) peers.push({ label: 'openssl s_server (one connection at a time)', port, child });
    else child.kill();
  }
  const n = Number(process.env.BENCH_PROBE_RUNS ?? 7);
  const timed = (cmd, args) => {
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
    if (r.error) throw r.error;
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const out = [];
  if (!have('kamailio') || !have('sslscan'))
    console.log(`probe vs sslscan on Kamailio: skipped (${!have('kamailio') ? 'kamailio' : 'sslscan'} is not installed)`);
  else if (!peers.some((p) => p.label.startsWith('Kamailio')))
    console.log('probe vs sslscan on Kamailio: skipped (Kamailio did not start)');
  try {
    for (const peer of peers) {
      const probeArgs = [
        join(root, 'dist/bin.cjs'),
        'probe',
        `127.0.0.1:${peer.port}`,
        '--sbc',
        'sbc1.example.com',
        '--ca',
        join(dir, 'root.pem'),
        '--offline',
        '--format',
        'json',
      ];
      const ours = [];
      const theirs = [];
      let sslscanFailed = '';
      timed(process.execPath, probeArgs);
      for (let i = 0; i < n; i++) {
        ours.push(timed(process.execPath, probeArgs));
        if (have('sslscan') && !sslscanFailed) {
          // A reference that did not scan (a 15 ms exit) would make any ratio meaningless.
          const start = process.hrtime.bigint();
          const r = spawnSync('sslscan', ['--no-colour', `127.0.0.1:${peer.port}`], { cwd: root, encoding: 'utf8', timeout: 300_000 });
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          if (/\b(Accepted|Preferred)\b/.test(r.stdout ?? '')) theirs.push(ms);
          else
            sslscanFailed = `sslscan listed no accepted cipher (exit ${r.status}): ${(r.stdout || r.stderr || '').trim().split('\n').pop()?.slice(0, 80) ?? ''}`;
        }
      }
      let line = `probe vs ${peer.label}`.padEnd(50) + ` byoc-check probe ${median(ours).toFixed(0)} ms`;
      if (sslscanFailed) line += ` | not compared: ${sslscanFailed}`;
      else if (theirs.length) {
        const ratio = median(ours) / median(theirs);
        line += ` | sslscan ${median(theirs).toFixed(0)} ms | ratio ${ratio.toFixed(2)}${peer.label.startsWith('Kamailio') ? ' (target <= 3.00)' : ''}`;
        if (peer.label.startsWith('Kamailio')) out.push({ ratio });
      }
      if (process.env.BENCH_TESTSSL && have('testssl')) {
        const t = timed('testssl', ['--quiet', '--color', '0', '--warnings', 'off', `127.0.0.1:${peer.port}`]);
        line += ` | testssl.sh ${(t / 1000).toFixed(1)} s (${(t / median(ours)).toFixed(0)}x slower; target >= 100x)`;
      }
      console.log(line);
    }
  } finally {
    for (const p of peers) p.child.kill();
  }
  if (!peers.length) console.log('probe bench: no peer could be started (openssl / kamailio missing)');
  return out;
}

// Bundles the CLI with esbuild. The main bundle is CommonJS: Node 20 loads one CJS file far
// faster than an ES module graph. Optional parts (yargs for --help, the TLS and CRL probes,
// PKCS#7 and PKCS#12 via pkijs) are ES module chunks under dist/lazy/, imported only when a check needs them.
// dist/bin.cjs (src/launcher.cjs) runs dist/main.cjs through V8's code cache, warmed here.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const lazy = {
  './help.js': 'help',
  './tls/facts.js': 'tls-facts',
  './probes/crl.js': 'crl',
  './pkcs7.js': 'pkcs7',
  './pkcs12.js': 'pkcs12',
};

/** Keeps the lazy imports out of the main bundle and points them at dist/lazy/. */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(b) {
    b.onResolve({ filter: /^\.\/(help|tls\/facts|probes\/crl|pkcs7|pkcs12)\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: `./lazy/${lazy[args.path]}.mjs`, external: true } : undefined);
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', minify: true, sourcemap: 'linked', legalComments: 'linked', logLevel: 'warning' };

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const main = await build({
  ...common,
  entryPoints: { main: 'src/bin.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  plugins: [lazyChunks],
  // ESM dependencies (yargs-parser) read import.meta.url; give them this file's URL.
  define: { 'import.meta.url': '__byocMetaUrl' },
  banner: { js: "const __byocMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  metafile: true,
});
if (process.env.BYOC_BUILD_ANALYZE) console.log(await (await import('esbuild')).analyzeMetafile(main.metafile));
await build({
  ...common,
  entryPoints: { help: 'src/cli/help.ts', 'tls-facts': 'src/tls/facts.ts', crl: 'src/probes/crl.ts', pkcs7: 'src/parsers/pkcs7.ts', pkcs12: 'src/parsers/pkcs12.ts' },
  outdir: 'dist/lazy',
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: "import { createRequire as __byocRequire } from 'node:module'; const require = __byocRequire(import.meta.url);" },
});

// The launcher supplies the module loader for the lazy chunks (see src/launcher.cjs).
const mainFile = new URL('../dist/main.cjs', import.meta.url);
const bundled = readFileSync(mainFile, 'utf8');
const rewritten = bundled.replace(/\bimport\("(\.\/lazy\/[a-z0-9-]+\.mjs)"\)/g, '__byocImport("$1")');
const lazyImports = rewritten.match(/__byocImport\("/g)?.length ?? 0;
if (lazyImports < Object.keys(lazy).length || /\bimport\(/.test(rewritten)) throw new Error(`build: expected ${Object.keys(lazy).length} lazy imports in main.cjs, rewrote ${lazyImports}`);
writeFileSync(mainFile, rewritten);
const bin = new URL('../dist/bin.cjs', import.meta.url);
copyFileSync(new URL('../src/launcher.cjs', import.meta.url), bin);
chmodSync(bin, 0o755);

// Warm V8's code cache with a representative offline check: the BYOC list (the default trust,
// which searches the root stores), an SBC host and a URI.
spawnSync(process.execPath, [bin.pathname, 'examples/good/chain.pem', '--sbc', 'sbc1.example.com', '--uri', 'sip:+13175550100;tgrp=c1;trunk-context=example.com@lb01.voice.use1.pure.cloud:5061;transport=tls', '--offline'], { cwd: new URL('..', import.meta.url), stdio: 'ignore' });

// Bundles the CLI with esbuild. The main bundle is CommonJS: Node 20 loads one CJS file far
// faster than an ES module graph. The TLS-settings resolver (src/tls/facts.ts) is in it: a chunk
// would miss the code cache. Optional parts (yargs for --help, the TLS and CRL probes,
// PKCS#7 and PKCS#12 via pkijs) are ES module chunks under dist/lazy/, imported only when a check needs them.
// dist/bin.cjs (src/launcher.cjs) runs dist/main.cjs through V8's code cache, warmed here.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The one list of lazily loaded modules: source file -> chunk name under dist/lazy/. */
const lazy = {
  'src/cli/help.ts': 'help',
  'src/providers/crl.ts': 'crl',
  'src/parsers/pkcs7.ts': 'pkcs7',
  'src/scan/scan.ts': 'scan',
  'src/cli/commands/data-actions.ts': 'data-actions',
  'src/cli/commands/genesys.ts': 'genesys',
  'src/cli/commands/probe.ts': 'probe',
  'src/parsers/pkcs12.ts': 'pkcs12',
};
const root = fileURLToPath(new URL('..', import.meta.url));

/** Keeps the lazy imports out of the main bundle and points them at dist/lazy/. */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = relative(root, resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')))
        .split(sep)
        .join('/');
      return lazy[source] ? { path: `./lazy/${lazy[source]}.mjs`, external: true } : undefined;
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: !process.env.BYOC_NO_MINIFY /* readable stacks and CPU profiles */,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
};

// The profile validator is generated from the schema before bundling (checked in; rewritten only when it changes).
{
  const { PROFILE_VALIDATOR_FILE, profileValidatorSource } = await import('./profile-validator.mjs');
  const file = new URL(`../${PROFILE_VALIDATOR_FILE}`, import.meta.url);
  const source = await profileValidatorSource();
  if (readFileSync(file, { encoding: 'utf8', flag: 'a+' }) !== source) writeFileSync(file, source);
}

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
if (process.env.BYOC_BUILD_ANALYZE) console.error(await (await import('esbuild')).analyzeMetafile(main.metafile));
await build({
  ...common,
  entryPoints: Object.fromEntries(Object.entries(lazy).map(([source, chunk]) => [chunk, source])),
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
if (lazyImports < Object.keys(lazy).length || /\bimport\(/.test(rewritten))
  throw new Error(`build: expected ${Object.keys(lazy).length} lazy imports in main.cjs, rewrote ${lazyImports}`);
writeFileSync(mainFile, rewritten);
const bin = new URL('../dist/bin.cjs', import.meta.url);
copyFileSync(new URL('../src/launcher.cjs', import.meta.url), bin);
chmodSync(bin, 0o755);

// Warm V8's code cache with a representative offline check: the BYOC list (the default trust,
// which searches the root stores), an SBC host and a URI.
spawnSync(
  process.execPath,
  [
    bin.pathname,
    'examples/good/chain.pem',
    '--sbc',
    'sbc1.example.com',
    '--uri',
    'sip:+13175550100;tgrp=c1;trunk-context=example.com@lb01.voice.use1.pure.cloud:5061;transport=tls',
    '--offline',
  ],
  { cwd: new URL('..', import.meta.url), stdio: 'ignore' },
);

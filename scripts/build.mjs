// Bundles the CLI into dist/ with esbuild. Optional parts (pkijs for CRLs and PKCS#7,
// full yargs for --help, node:tls probes) stay in separate chunks loaded on demand,
// so an offline check only compiles what it runs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { bin: 'src/bin.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __byocRequire } from 'node:module'; const require = __byocRequire(import.meta.url);" },
});

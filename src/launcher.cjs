#!/usr/bin/env node
'use strict';
// byoc-check entry point. Runs the bundled CLI (main.cjs) through V8's code cache, which saves
// a third of the start-up work. The cache is written next to the bundle on first use (and again
// whenever this Node version rejects it); without write access, the CLI simply runs uncached.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');
const Module = require('node:module');

const file = join(__dirname, 'main.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// Lazily loaded ES module chunks are imported from here: code compiled by vm.Script has no
// module loader of its own on Node 20.
const base = pathToFileURL(file);
globalThis.__byocImport = (specifier) => import(new URL(specifier, base).href);

const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, __dirname);
if (!cachedData || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      const temp = `${cacheFile}.${process.pid}`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // Read-only install: run uncached.
    }
  });
}

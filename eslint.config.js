// ESLint flat config. Two jobs: typescript-eslint's recommended rules, and the layering of the
// architecture (providers gather facts; rules are pure functions of facts; reporters are pure
// functions of the report) written down as `no-restricted-imports`, so it is enforced rather than hoped.
// test/lint.test.ts lints tiny in-memory files against this config: switching a layer off fails a test.
//
// Flat config replaces (does not merge) a rule's options when two blocks match one file, so each layer
// block below lists every pattern that applies to it; the more specific blocks come later.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Node built-ins that do I/O (or start processes). Pure layers import none of them.
const NODE_IO = [
  'fs',
  'fs/promises',
  'net',
  'tls',
  'http',
  'https',
  'http2',
  'child_process',
  'dgram',
  'dns',
  'dns/promises',
  'worker_threads',
  'cluster',
  'readline',
];
const nodeIo = (message) => ({ regex: `^(node:)?(${NODE_IO.join('|')})$`, message });
const undici = {
  regex: '^undici($|/)',
  message: 'Network access belongs to the providers (src/providers, src/data-actions/fetch.ts, src/genesys/fetch.ts).',
};

// A relative import of src/<dir>/... from anywhere in the tree: "../cli/x.js", "../../src/cli/x.js".
const layer = (dirs, message) => ({ regex: `^(\\./|(\\.\\./)+)(src/)?(${dirs.join('|')})(/|\\.js$)`, message });
// The entry point and the run steps (src/pipeline): they call providers, never the reverse.
const orchestrators = {
  regex: '^(\\.\\./)+(src/)?(bin\\.js$|pipeline/)',
  message: 'src/pipeline runs the providers, not the reverse: import the helper from where it lives.',
};
// Providers and helpers may read rule data tables (cipher names, regions), never rules or the catalog.
const rulesExceptData = {
  regex: '^(\\.\\./)+rules/(?!data/)',
  message: 'Only the orchestrators (src/pipeline, src/scan, src/cli) run rules; this layer may read rules/data tables at most.',
};

const rulesArePure =
  'Rules are pure functions of facts: import only src/engine, src/model, src/util, rules/data, rules/sources and the pure helpers ' +
  '(src/x509/{chain,structure,name-constraints,name,der}, src/sip/{uri,names}, src/data-actions/describe, src/genesys/describe). Gather facts in a provider and pass them in.';

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**', 'schema/**', '.eslintcache'],
  },
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberate: a destructured field left out of a rest (`{ chain: _chain, ...rest }`),
      // a value decoded for its side effect of validating. Catch bindings may go unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Scan in stages, each function one job a reader can hold in view (issue 17); the validator is generated.
    files: ['src/scan/**/*.ts'],
    ignores: ['src/scan/profile-validator.generated.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }] },
  },
  {
    // CommonJS on purpose (the launcher runs before any ES module loads, to use V8's code cache): require() is its import.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // ---- Layers ---------------------------------------------------------------------------------
  {
    // Rules: pure functions of facts. An allow-list of what they may import from src/.
    files: ['rules/**/*.ts'],
    ignores: ['rules/index.ts', 'rules/data/**', 'rules/sources.ts'],
    rules: restrict(
      nodeIo('Rules are pure functions of facts: no files, sockets, processes or DNS. Gather the fact in a provider.'),
      undici,
      {
        regex:
          '^(\\.\\./)+src/(?!(engine|model|util)/|x509/(chain|structure|name-constraints|name|der)\\.js$|sip/(uri|names)\\.js$|data-actions/describe\\.js$|genesys/describe\\.js$)',
        message: rulesArePure,
      },
    ),
  },
  {
    // Rule data tables and the source list: plain data, nothing from src/ but the model.
    files: ['rules/data/**/*.ts', 'rules/sources.ts'],
    rules: restrict(nodeIo('Rule data is plain data: no I/O.'), undici, {
      regex: '^(\\.\\./)+src/(?!model/)',
      message: 'Rule data is plain data: it may import types from src/model only.',
    }),
  },
  {
    // Providers gather facts (they may do I/O); they never call the CLI, reporters or rules.
    files: ['src/{providers,tls,x509,parsers,input,sip,trust,config,util}/**/*.ts', 'src/data-actions/{facts,fetch,input,describe}.ts'],
    rules: restrict(
      layer(
        ['cli', 'reporters', 'report', 'scan'],
        'Providers gather facts: they must not reach into the CLI, the scanner, the report or reporters.',
      ),
      orchestrators,
      rulesExceptData,
    ),
  },
  {
    // SBC config readers are pure: the gatherer (src/config/repo.ts) reads the files and passes them in.
    files: ['src/config/readers/**/*.ts'],
    rules: restrict(
      nodeIo('Config readers are pure: src/config/repo.ts reads the files and passes their text in.'),
      undici,
      layer(
        ['scan', 'cli', 'reporters', 'report', 'providers'],
        'Config readers are pure parsers: they must not reach into the scanner, the CLI, the providers or reporters.',
      ),
      orchestrators,
      rulesExceptData,
    ),
  },
  {
    // The pure helpers rules may import must stay pure themselves.
    files: [
      'src/util/**/*.ts',
      'src/x509/{chain,structure,name-constraints,name,der}.ts',
      'src/sip/{uri,names}.ts',
      'src/data-actions/describe.ts',
      'src/genesys/describe.ts',
    ],
    rules: restrict(
      nodeIo('Rules import this module, so it must stay pure: no files, sockets, processes or DNS.'),
      undici,
      layer(
        ['cli', 'reporters', 'report', 'scan', 'config', 'providers'],
        'Rules import this module, so it must not reach into gatherers, the CLI or reporters.',
      ),
      orchestrators,
      rulesExceptData,
    ),
  },
  {
    // Reporters: pure functions of the report. The rule catalog comes in through src/reporters/catalog.ts only.
    files: ['src/reporters/**/*.ts'],
    ignores: ['src/reporters/catalog.ts'],
    rules: restrict(
      nodeIo('Reporters are pure functions of the report: they return text, and src/cli/emit.ts writes it.'),
      undici,
      layer(
        ['scan', 'config', 'cli', 'providers'],
        'Reporters are pure functions of the report: they must not gather facts or parse options.',
      ),
      orchestrators,
      {
        regex: '^(\\.\\./)+rules/',
        message: 'Reporters reach the rule catalog through src/reporters/catalog.ts, never rules/** directly.',
      },
    ),
  },
  {
    files: ['src/reporters/catalog.ts'],
    rules: restrict(
      nodeIo('Reporters are pure functions of the report: no I/O.'),
      undici,
      layer(
        ['scan', 'config', 'cli', 'providers'],
        'Reporters are pure functions of the report: they must not gather facts or parse options.',
      ),
      orchestrators,
    ),
  },
  {
    // The engine runs the rules it is given over facts; it knows nothing of the CLI, output formats or gathering.
    files: ['src/engine/**/*.ts'],
    rules: restrict(
      nodeIo('The engine is pure: no I/O.'),
      undici,
      layer(
        ['cli', 'reporters', 'scan', 'config', 'providers'],
        'The engine must not import the CLI, reporters, providers, the scanner or config gathering.',
      ),
      orchestrators,
      {
        regex: '^(\\.\\./)+rules/(?!sources\\.js$)',
        message: 'The engine runs the rules it is given: of rules/ it imports only sources.ts (citation titles).',
      },
    ),
  },
  {
    // The model is types of facts (and small pure helpers over them): the bottom layer.
    files: ['src/model/**/*.ts'],
    rules: restrict(
      nodeIo('The model is the bottom layer: no I/O.'),
      undici,
      layer(['cli', 'reporters', 'report', 'scan', 'config', 'providers'], 'The model is the bottom layer: types of facts only.'),
      { ...layer(['engine'], 'The model may name engine types (SourceLocation), never import engine code.'), allowTypeImports: true },
      orchestrators,
      { regex: '^(\\.\\./)+rules/', message: 'The model is the bottom layer: it does not know the rules.' },
    ),
  },
  {
    // The run steps: they gather facts through the providers and run the rules; the CLI and the views sit above them.
    files: ['src/pipeline/**/*.ts'],
    rules: restrict(
      layer(['cli', 'reporters', 'scan'], 'src/pipeline is below the CLI and the views: it returns reports, src/cli writes them.'),
    ),
  },
  {
    // Verdict, unchecked areas and exit code: decided here from results, for every command and view.
    files: ['src/report/**/*.ts'],
    rules: restrict(
      nodeIo('The report is decided from results: no I/O.'),
      undici,
      layer(
        ['cli', 'reporters', 'scan', 'config', 'providers'],
        'The report is built from results: it must not gather facts or format views.',
      ),
      orchestrators,
      {
        regex: '^(\\.\\./)+rules/(?!data/)',
        message: 'The report is given the rules it summarises; it imports rules/data tables at most.',
      },
    ),
  },
);

// ESLint flat config. Two jobs: typescript-eslint's recommended rules, and the layering of the
// architecture (providers gather facts; rules are pure functions of facts; reporters are pure
// functions of the report) written down as `no-restricted-imports`, so it is enforced rather than hoped.
// test/lint.test.ts lints tiny in-memory files against this config: switching a layer off fails a test.
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
const nodeIo = {
  regex: `^(node:)?(${NODE_IO.join('|')})$`,
  message: 'This layer is pure: it gets its facts passed in and never does I/O (files, sockets, processes, DNS).',
};
const undici = { regex: '^undici($|/)', message: 'This layer is pure: network access belongs to the providers (src/probes).' };

// A relative import of src/<dir>/... from anywhere in the tree: "../cli/x.js", "../../src/cli/x.js".
const srcDir = (dirs) => `^(\\./|(\\.\\./)+)(src/)?(${dirs.join('|')})(/|\\.js$)`;
const layer = (dirs, message) => ({ regex: srcDir(dirs), message });

const rulesArePure =
  'Rules are pure functions of facts: import only src/engine, src/model, src/util, rules/data, rules/sources and the pure helpers ' +
  '(src/x509/{chain,structure,name-constraints,name,der}, src/sip/{uri,names}, src/data-actions/describe). Gather facts in a provider and pass them in.';

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**', 'schema/**', '.eslintcache'],
  },
  tseslint.configs.recommended,
  {
    // CommonJS on purpose (the launcher runs before any ES module loads): require() is its import.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Non-null assertions are deliberate throughout: array[0]! after a length check, map.get(k)! after has(k),
      // under noUncheckedIndexedAccess-style reasoning. Turning each into a runtime check would add noise, not safety.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `_`-prefixed names document an argument that is there for the signature.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Control characters in regular expressions are the point of the terminal-safety code (stripping ESC, NUL, C1).
      'no-control-regex': 'off',
    },
  },

  // ---- Layers ---------------------------------------------------------------------------------
  {
    // Rules: pure functions of facts. Allow-list of what they may import from src/.
    files: ['rules/**/*.ts'],
    ignores: ['rules/index.ts', 'rules/data/**', 'rules/sources.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeIo,
            undici,
            {
              regex:
                '^(\\.\\./)+src/(?!(engine|model|util)/|x509/(chain|structure|name-constraints|name|der)\\.js$|sip/(uri|names)\\.js$|data-actions/describe\\.js$)',
              message: rulesArePure,
            },
          ],
        },
      ],
    },
  },
  {
    // Rule data tables and the source list: plain data, no I/O, nothing from src/ but the model.
    files: ['rules/data/**/*.ts', 'rules/sources.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeIo,
            undici,
            { regex: '^(\\.\\./)+src/(?!model/)', message: 'Rule data is plain data: it may import types from src/model only.' },
          ],
        },
      ],
    },
  },
  {
    // SBC config readers are pure: the gatherer (src/config/repo.ts) reads the files and passes them in.
    files: ['src/config/readers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...nodeIo, message: 'Config readers are pure: src/config/repo.ts reads the files and passes their text in.' },
            undici,
            layer(
              ['scan', 'cli', 'probes', 'reporters', 'report', 'providers'],
              'Config readers are pure parsers: they must not reach into the scanner, the CLI, probes or reporters.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Reporters: pure functions of the report. The rule catalog comes in through src/reporters/catalog.ts only.
    files: ['src/reporters/**/*.ts'],
    ignores: ['src/reporters/catalog.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...nodeIo, message: 'Reporters are pure functions of the report: they return text, and src/cli/emit.ts writes it.' },
            undici,
            layer(
              ['probes', 'scan', 'config', 'cli', 'providers'],
              'Reporters are pure functions of the report: they must not gather facts or parse options.',
            ),
            {
              regex: '^(\\.\\./)+rules/',
              message: 'Reporters reach the rule catalog through src/reporters/catalog.ts, never rules/** directly.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/reporters/catalog.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeIo,
            undici,
            layer(
              ['probes', 'scan', 'config', 'cli', 'providers'],
              'Reporters are pure functions of the report: they must not gather facts or parse options.',
            ),
          ],
        },
      ],
    },
  },
  {
    // The engine runs rules over facts; it knows nothing of the CLI, output formats or how facts were gathered.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeIo,
            undici,
            layer(
              ['cli', 'reporters', 'probes', 'scan', 'config', 'providers'],
              'The engine must not import the CLI, reporters, probes, the scanner or config gathering.',
            ),
          ],
        },
      ],
    },
  },
  {
    // The pure helpers rules may import must stay pure themselves.
    files: [
      'src/util/**/*.ts',
      'src/x509/{chain,structure,name-constraints,name,der}.ts',
      'src/sip/{uri,names}.ts',
      'src/data-actions/describe.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...nodeIo, message: 'Rules import this module, so it must stay pure: no files, sockets, processes or DNS.' },
            undici,
            layer(
              ['cli', 'reporters', 'probes', 'scan', 'config', 'providers'],
              'Rules import this module, so it must not reach into gatherers, the CLI or reporters.',
            ),
          ],
        },
      ],
    },
  },
  {
    // The model is types and pure helpers over them.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeIo,
            undici,
            layer(
              ['cli', 'reporters', 'report', 'probes', 'scan', 'config', 'providers'],
              'The model is the bottom layer: types of facts only.',
            ),
            { ...layer(['engine'], 'The model may name engine types (SourceLocation), never import engine code.'), allowTypeImports: true },
          ],
        },
      ],
    },
  },
);

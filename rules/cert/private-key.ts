/** Private keys belong on the SBC only; a chain file is shared with CAs, colleagues and tickets. */
import { defineRule } from '../../src/engine/define-rule.js';
import { plural } from '../../src/engine/targets.js';

export default defineRule({
  meta: {
    id: 'private-key',
    area: 'cert',
    requires: [],
    title: 'The chain file holds no private key, and no private key is committed to the configuration repository',
    severity: 'warning',
    citations: [{ source: 'BYOC_CHECK' }],
    remediation:
      'Do not ship private keys in chain files or attach them to tickets; keep the key in a separate file readable only by the SBC, and replace the key if this file was shared.',
    docs: {
      what: "Looks for PRIVATE KEY blocks in the input (and key bags in a PKCS#12 file), and (scan) for PEM private keys and PKCS#12 files among the repository files of each trunk, as pre-commit-hooks' detect-private-key does. Their content is never read, stored or printed.",
      why: 'A chain file travels (tickets, e-mail, repositories); a key inside it lets anyone impersonate the SBC.',
    },
  },
  check({ input }) {
    if (input.committedKeys) {
      if (input.committedKeys.length === 0)
        return [{ status: 'pass', target: 'input', message: "No private key is committed among this trunk's files." }];
      return input.committedKeys.map((k) => ({
        status: 'fail' as const,
        target: 'input',
        location: { file: k.file, line: k.line },
        evidence: { kind: k.label },
        message: `${k.file}:${k.line}: a private key (${k.label}) is committed; anyone who can read the repository can impersonate the SBC. Its content was not read or shown.`,
        remediation:
          'Remove the key from the repository (and from its history), keep it only on the SBC, and replace it: a committed key is a leaked key.',
      }));
    }
    if (input.privateKeys.length === 0) {
      return [{ status: 'pass', target: 'input', message: 'The input holds no private key.' }];
    }
    return [
      {
        status: 'warn',
        target: 'input',
        message: `The input holds ${plural(input.privateKeys.length, 'private key')} (${[...new Set(input.privateKeys)].join(', ')}); they were ignored and are not shown. Do not ship private keys in chain files or attach them to tickets.`,
        evidence: { privateKeyBlocks: input.privateKeys.length, kinds: [...new Set(input.privateKeys)] },
      },
    ];
  },
});

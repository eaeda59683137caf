/** Private keys belong on the SBC only; a chain file is shared with CAs, colleagues and tickets. */
import { defineRule } from '../../src/engine/define-rule.js';
import { plural } from '../../src/engine/targets.js';

export default defineRule({
  meta: {
    id: 'private-key',
    area: 'cert',
    title: 'The chain file holds no private key',
    severity: 'warning',
    citations: [{ source: 'BYOC_CHECK' }],
    remediation: 'Do not ship private keys in chain files or attach them to tickets; keep the key in a separate file readable only by the SBC, and replace the key if this file was shared.',
    docs: {
      what: 'Looks for PRIVATE KEY blocks in the input (and key bags in a PKCS#12 file). Their content is never read, stored or printed.',
      why: 'A chain file travels (tickets, e-mail, repositories); a key inside it lets anyone impersonate the SBC.',
    },
  },
  check({ input }) {
    if (input.privateKeys.length === 0) {
      return [{ status: 'pass', target: 'input', message: 'The input holds no private key.' }];
    }
    return [{
      status: 'warn',
      target: 'input',
      message: `The input holds ${plural(input.privateKeys.length, 'private key')} (${[...new Set(input.privateKeys)].join(', ')}); they were ignored and are not shown. Do not ship private keys in chain files or attach them to tickets.`,
      evidence: { privateKeyBlocks: input.privateKeys.length, kinds: [...new Set(input.privateKeys)] },
    }];
  },
});

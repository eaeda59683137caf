/**
 * RootStore answers the same whether a lookup is among a run's first ones (every root byte-searched) or
 * comes after the roots were indexed by canonical name (a scan asks for every certificate of every trunk).
 */
import { RootStore } from '../../src/trust/stores.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { name, selfSigned, stringValue, PRINTABLE, UTF8 } from '../helpers/craft.js';

const cn = (tag: number, text: string) => name([[['CN', stringValue(tag, text)]]]);
const printable = selfSigned(cn(PRINTABLE, 'Lab Root'));
const utf8 = selfSigned(cn(UTF8, 'lab  root')); // the same name to OpenSSL: case, spacing and string type folded
const other = selfSigned(cn(PRINTABLE, 'Other Root'));
const garbage = Buffer.from('30030201ff', 'hex'); // no name to read: must never be indexed away
const roots = [printable, other, garbage, utf8];

const subjects = (found: readonly { sha256: string }[]) => found.map((c) => c.sha256);
function ask(store: RootStore, der: Buffer, anyEncoding: boolean) {
  const cert = decodeCertificate(der);
  return subjects(store.findBySubject(cert.subjectDer, cert.subjectCanon, anyEncoding));
}

test.each([false, true])('answers agree before and after the name index (anyEncoding %s)', (anyEncoding) => {
  for (const query of [printable, utf8, other]) {
    const first = ask(new RootStore(roots, 'node-store'), query, anyEncoding);
    const indexed = new RootStore(roots, 'node-store');
    // push the store past its index threshold with lookups of names it does not hold
    for (let i = 0; i < 40; i++) ask(indexed, selfSigned(cn(PRINTABLE, `Nobody ${i}`)), anyEncoding);
    expect(ask(indexed, query, anyEncoding)).toEqual(first);
  }
});

test('a byte match finds the root as encoded; any encoding also finds the same name encoded otherwise', () => {
  const store = new RootStore(roots, 'node-store');
  const sha = (der: Buffer) => decodeCertificate(der).sha256;
  expect(ask(store, printable, false)).toEqual([sha(printable)]);
  expect(ask(new RootStore([other, utf8], 'node-store'), printable, false)).toEqual([]);
  expect(ask(new RootStore([other, utf8], 'node-store'), printable, true)).toEqual([sha(utf8)]);
});

/**
 * .pre-commit-hooks.yaml follows pre-commit's conventions and its `files` pattern selects what
 * `byoc-check scan` reads. pre-commit matches with Python's re.search; the pattern keeps to the
 * syntax Python and JavaScript share (a leading (?i) becomes the i flag here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers/run.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  types: string[];
  args: string[];
  pass_filenames: boolean;
  require_serial: boolean;
  minimum_pre_commit_version: string;
  description: string;
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'byoc-check')!;

test('one node hook running `byoc-check scan` offline on the files passed to it', () => {
  expect(hooks).toHaveLength(1);
  expect(hook).toMatchObject({
    entry: 'byoc-check scan',
    language: 'node',
    pass_filenames: true,
    require_serial: true,
    types: ['file'],
    args: ['--offline'],
  });
  expect(hook.name.length).toBeGreaterThan(0);
  expect(hook.description.length).toBeGreaterThan(0);
  expect(hook.minimum_pre_commit_version).toMatch(/^\d+\.\d+\.\d+$/);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
});

test('files selects certificates, SBC configurations and the trunk profile, and nothing else', () => {
  expect(hook.files.startsWith('(?i)')).toBe(true);
  const files = new RegExp(hook.files.slice(4), 'i');
  const selected = [
    'certs/sbc1.pem',
    'sbc.CRT',
    'a/b/root.cer',
    'leaf.der',
    'bundle.p7b',
    'bundle.p7c',
    'store.pfx',
    'store.p12',
    'private/sbc.key',
    'etc/kamailio/tls.cfg',
    'kamailio.cfg',
    'etc/kamailio/kamailio-tls.cfg',
    'opensips.cfg',
    'etc/opensips/opensips_tls.cfg',
    'freeswitch/conf/sip_profiles/external.xml',
    'conf/sip_profiles/external/carrier.xml',
    'freeswitch/conf/vars.xml',
    'etc/asterisk/pjsip.conf',
    'pjsip.transports_custom.conf',
    'audiocodes/Mediant_SBC.ini',
    'byoc-check.yaml',
    'trunks/byoc-check.yml',
  ];
  const ignored = [
    'README.md',
    'src/index.ts',
    'sip_profiles.md',
    'conf/dialplan/default.xml',
    'my-tls.cfg.bak',
    'kamailio.cfg.orig',
    'package.json',
    'notes/pem.txt',
    'sip.conf',
    'byoc-check.yaml.example',
  ];
  for (const f of selected) expect([f, files.test(f)]).toEqual([f, true]);
  for (const f of ignored) expect([f, files.test(f)]).toEqual([f, false]);
});

/**
 * Kamailio runs one main file. A file it names only in an include its #!ifdef switches off (Kazoo's role
 * files, each under #!ifdef X_ROLE), or may name through a computed include name, is not a main file of
 * its own: it is noted and makes no trunk, although on its own it looks like one (#!ifdef, loadmodule).
 */
import { writeTree } from '../helpers/pki.js';
import { cli } from '../helpers/run.js';

const MAIN = (body: string) =>
  `#!KAMAILIO\n${body}\nenable_tls=yes\nlisten=tls:10.0.0.10:5061\nloadmodule "tls.so"\nmodparam("tls", "tls_method", "TLSv1.2+")\nrequest_route { exit; }\n`;
// Looks like a main file on its own: a directive and a module
const ROLE = (name: string) => `#!ifdef ${name}_ROLE\nloadmodule "acc.so"\nmodparam("acc", "log_flag", 1)\n#!endif\n`;

function scan(files: Record<string, string>) {
  const run = cli(['scan', writeTree(files, 'byoc-passed-over-'), '--offline', '--format', 'json']);
  const report = JSON.parse(run.stdout) as {
    trunks: Array<{ name: string }>;
    files: Array<{ path: string; notes: Array<{ message: string }> }>;
  };
  return {
    trunks: report.trunks.map((t) => t.name),
    notes: (path: string) => report.files.find((f) => f.path === path)?.notes.map((n) => n.message) ?? [],
  };
}

test('a role file included only inside a switched-off #!ifdef: not loaded, no trunk, the line and the define named', () => {
  const { trunks, notes } = scan({
    'kamailio.cfg': MAIN('#!ifdef ACCOUNTING_ROLE\ninclude_file "accounting-role.cfg"\n#!endif'),
    'accounting-role.cfg': ROLE('ACCOUNTING'),
  });
  expect(trunks).toEqual(['kamailio.cfg']);
  expect(notes('accounting-role.cfg')).toEqual([
    'not loaded: kamailio.cfg:3 includes it only inside #!ifdef ACCOUNTING_ROLE, which no #!define in the scanned files sets; its settings are not judged',
  ]);
});

test('the same include switched on is read through the main file: no trunk of its own, no such note', () => {
  const { trunks, notes } = scan({
    'kamailio.cfg': MAIN('#!define ACCOUNTING_ROLE\n#!ifdef ACCOUNTING_ROLE\ninclude_file "accounting-role.cfg"\n#!endif'),
    'accounting-role.cfg': ROLE('ACCOUNTING'),
  });
  expect(trunks).toEqual(['kamailio.cfg']);
  expect(notes('accounting-role.cfg').filter((m) => /^not loaded|^not a main file/.test(m))).toEqual([]);
});

test('files a computed include name may stand for (dispatcher-role-$(version...).cfg) are not main files', () => {
  const { trunks, notes } = scan({
    'kamailio.cfg': MAIN('include_file "dispatcher-role-$(version(num){re.subst,/^(([^.])*[.]([^.])*)[.].*/\\1/}).cfg"'),
    'dispatcher-role-5.5.cfg': ROLE('DISPATCHER'),
    'dispatcher-role-5.7.cfg': ROLE('DISPATCHER'),
    'other/dispatcher-role-5.6.cfg': ROLE('DISPATCHER'),
  });
  expect(trunks.sort()).toEqual(['kamailio.cfg', 'other/dispatcher-role-5.6.cfg']);
  expect(notes('dispatcher-role-5.7.cfg')).toEqual([
    expect.stringMatching(/^not a main file: kamailio\.cfg:2 may include it \(include_file "dispatcher-role-\$\(version/),
  ]);
});

test('two files that only name each other under switched-off #!ifdefs: neither is passed over, both stay main files', () => {
  const { trunks } = scan({
    'a.cfg': MAIN('#!ifdef B\ninclude_file "b.cfg"\n#!endif'),
    'b.cfg': MAIN('#!ifdef A\ninclude_file "a.cfg"\n#!endif'),
  });
  expect(trunks.sort()).toEqual(['a.cfg', 'b.cfg']);
});

test('a profile trunk whose config: is such a file: one line, exit 2, why it is not the main file', () => {
  const dir = writeTree(
    {
      'kamailio.cfg': MAIN('#!ifdef ACCOUNTING_ROLE\ninclude_file "accounting-role.cfg"\n#!endif'),
      'accounting-role.cfg': ROLE('ACCOUNTING'),
      'byoc-check.yaml': 'version: 1\ntrunks:\n  - name: carrier\n    config: accounting-role.cfg\n',
    },
    'byoc-passed-over-',
  );
  const run = cli(['scan', dir, '--offline']);
  expect([run.status, run.stdout]).toEqual([2, '']);
  expect(run.stderr).toBe(
    'byoc-check: byoc-check.yaml:4: trunk "carrier": config accounting-role.cfg is not the SBC\'s main file (not loaded: kamailio.cfg:3 includes it only inside #!ifdef ACCOUNTING_ROLE, which no #!define in the scanned files sets); name the main file in config:\n',
  );
});

test('a changed-file run on such a file re-judges the configuration that passes over it', () => {
  const dir = writeTree(
    {
      'kamailio.cfg': MAIN('#!ifdef ACCOUNTING_ROLE\ninclude_file "accounting-role.cfg"\n#!endif'),
      'accounting-role.cfg': ROLE('ACCOUNTING'),
    },
    'byoc-passed-over-',
  );
  const run = cli(['scan', 'accounting-role.cfg', '--offline', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(run.stdout) as { scan: { trunksChecked: number }; trunks: Array<{ name: string }> };
  expect([report.scan.trunksChecked, report.trunks.map((t) => t.name)]).toEqual([1, ['kamailio.cfg']]);
});

/** The repository path index readers use instead of a pass over every path (src/config/paths.ts). */
import { literalFolderOf, pathsInFolderNamed, pathsNamed, pathsUnder, sharedFolders } from '../../src/config/paths.js';

// In the walk's order (depth first, each folder sorted), which is not string order: "conf-2/..." sorts before "conf/...".
const PATHS = ['conf/sip_profiles/external.xml', 'conf/dialplan/public.xml', 'conf-2/vars.xml', 'conf2/dialplan/public.xml', 'top.xml'];

test('pathsUnder: a folder and everything below it, in repository order, never a sibling sharing the prefix', () => {
  expect(pathsUnder(PATHS, 'conf')).toEqual(['conf/sip_profiles/external.xml', 'conf/dialplan/public.xml']);
  expect(pathsUnder(PATHS, 'conf/')).toEqual(['conf/sip_profiles/external.xml', 'conf/dialplan/public.xml']);
  expect(pathsUnder(PATHS, 'conf2')).toEqual(['conf2/dialplan/public.xml']);
  expect(pathsUnder(PATHS, 'conf/dialplan')).toEqual(['conf/dialplan/public.xml']);
  expect(pathsUnder(PATHS, 'missing')).toEqual([]);
  expect(pathsUnder(PATHS, '.')).toBe(PATHS);
  expect(pathsUnder(PATHS, '')).toBe(PATHS);
});

test('pathsNamed and pathsInFolderNamed', () => {
  expect(pathsNamed(PATHS, 'public.xml')).toEqual(['conf/dialplan/public.xml', 'conf2/dialplan/public.xml']);
  expect(pathsNamed(PATHS, 'nothing.xml')).toEqual([]);
  expect(pathsInFolderNamed(PATHS, 'dialplan')).toEqual(['conf/dialplan/public.xml', 'conf2/dialplan/public.xml']);
  expect(pathsInFolderNamed(PATHS, '.')).toEqual(['top.xml']);
});

test('literalFolderOf: where a glob can match at all', () => {
  expect(literalFolderOf('conf/sip_profiles/external/*.xml')).toBe('conf/sip_profiles/external');
  expect(literalFolderOf('conf/*/x.xml')).toBe('conf');
  expect(literalFolderOf('*.xml')).toBe('.');
  expect(literalFolderOf('conf/a.xml')).toBe('conf');
});

test('one index answers every lookup of a large repository: each folder finds exactly its own files', () => {
  const many = Array.from({ length: 20_000 }, (_, i) => `trunk${String(i).padStart(5, '0')}/conf/sip_profiles/external.xml`);
  let found = 0;
  for (let i = 0; i < 5_000; i++) found += pathsUnder(many, `trunk${String(i).padStart(5, '0')}/conf`).length;
  expect(found).toBe(5_000);
});

test('sharedFolders: folders two files have in common from the root', () => {
  expect(sharedFolders('a/b/c.conf', 'a/b/d.conf')).toBe(2);
  expect(sharedFolders('a/b/c.conf', 'a/x/d.conf')).toBe(1);
  expect(sharedFolders('x/c.conf', 'y/d.conf')).toBe(0);
});

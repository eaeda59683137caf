/**
 * The AudioCodes INI reader's lexer, rule by rule. AudioCodes publishes no parser source; the rules are
 * the SIP User's Manual's "General ini File Formatting Rules" and "Format of ini File Table Parameters"
 * (Mediant 800/1000B/3000 and MP-11x manuals, 6.x-7.x, same text), checked against the real exports in
 * the shared test data (CRLF, `FORMAT Index =` and `FORMAT Table_Index =` forms, empty fields).
 */
import { audiocodesReader, cell, fieldsOf, parseIni } from '../../../src/config/readers/audiocodes.js';
import type { FileNote } from '../../../src/config/types.js';
import { readConfig } from '../../helpers/sbc.js';

const CONTEXTS = (row: string, format = 'FORMAT Index = Name, TLSVersion, ServerCipherString, ClientCipherString;') =>
  `[ TLSContexts ]\n${format}\n${row}\n[ \\TLSContexts ]\n`;
const parse = (text: string) => {
  const notes: FileNote[] = [];
  const ini = parseIni('board.ini', text, notes);
  return { ini, notes: notes.map((n) => `${n.location.line} ${n.message}`) };
};
const row0 = (text: string) => parse(text).ini.tables.get('tlscontexts')!.rows[0]!;
const value = (text: string, column: string) => cell(row0(text), column)?.value;

describe('General ini File Formatting Rules', () => {
  test('lines beginning with ";" are ignored', () => {
    const text = `; remark\n   ; indented remark\n${CONTEXTS('; TLSContexts 0 = "old", 1, "RC4", "RC4";\nTLSContexts 0 = "new", 4, "HIGH", "HIGH";')}`;
    expect(value(text, 'Name')).toBe('new');
    expect(parse(text).notes).toEqual([]);
  });

  test('the number of spaces around "=" is irrelevant; CRLF line ends', () => {
    const text = CONTEXTS(
      'TLSContexts 0="a",4,"HIGH","HIGH";',
      'FORMAT Index=Name,TLSVersion,ServerCipherString,ClientCipherString;',
    ).replace(/\n/g, '\r\n');
    expect(value(text, 'TLSVersion')).toBe('4');
    expect(parse('SIPSRequireClientCertificate    =    1\r\n').ini.globals.get('sipsrequireclientcertificate')!.value).toBe('1');
  });

  test('parameter names are not case-sensitive: globals, table names, columns; a repeated global is noted and the last read', () => {
    const text = `sipsRequireClientCertificate = 0\nSIPSREQUIRECLIENTCERTIFICATE = 1\n[ tlscontexts ]\nformat index = name, tlsversion;\ntlscontexts 0 = "a", 4;\n[ \\TLSCONTEXTS ]\n`;
    const { ini, notes } = parse(text);
    expect(ini.globals.get('sipsrequireclientcertificate')).toMatchObject({ value: '1', line: 2 });
    expect(cell(ini.tables.get('tlscontexts')!.rows[0]!, 'TLSVersion')!.value).toBe('4');
    expect(notes).toEqual([expect.stringMatching(/^2 SIPSREQUIRECLIENTCERTIFICATE is set again \(first at line 1/)]);
  });

  test("string values in single quotes ('cpt_usa.dat') or double quotes lose their quotes", () => {
    const { ini } = parse('CallProgressTonesFileName = \'cpt_usa.dat\'\nWebLogoText = "My Device"\n');
    expect(ini.globals.get('callprogresstonesfilename')!.value).toBe('cpt_usa.dat');
    expect(ini.globals.get('weblogotext')!.value).toBe('My Device');
  });
});

describe('Format of ini File Table Parameters', () => {
  test('title [Name] and end-of-table mark [\\Name], with or without spaces, also the JSON-escaped [\\\\Name]', () => {
    for (const [open, close] of [
      ['[TLSContexts]', '[\\TLSContexts]'],
      ['[ TLSContexts ]', '[ \\TLSContexts ]'],
      ['[ TLSContexts ]', '[\\\\TLSContexts ]'],
    ]) {
      const text = `${open}\nFORMAT Index = Name;\nTLSContexts 0 = "a";\n${close}\nAfter = 1\n`;
      const { ini, notes } = parse(text);
      expect(ini.tables.get('tlscontexts')!.rows).toHaveLength(1);
      expect(ini.globals.get('after')!.value).toBe('1');
      expect(notes).toEqual([]);
    }
  });

  test('the FORMAT line names the columns: any order, a subset, with or without the Table_ prefix', () => {
    expect(value(CONTEXTS('TLSContexts 0 = "HIGH", 4;', 'FORMAT Index = ServerCipherString, TLSVersion;'), 'TLSVersion')).toBe('4');
    expect(
      value(CONTEXTS('TLSContexts 0 = "a", 12;', 'FORMAT TLSContexts_Index = TLSContexts_Name, TLSContexts_TLSVersion;'), 'TLSVersion'),
    ).toBe('12');
    const out = readConfig(
      audiocodesReader,
      { 'board.ini': CONTEXTS('TLSContexts 0 = "a", 4;', 'FORMAT Index = Name, TLSVersion;') },
      'board.ini',
    );
    expect(out.endpoints[0]!.ciphers).toBeUndefined();
    expect(out.notes.map((n) => n.message)).toContainEqual(
      expect.stringMatching(/ClientCipherString is not in this row; the client cipher list is the firmware default/),
    );
  });

  test('a data line starts with the table name and the index; values are separated by commas; empty fields are allowed', () => {
    const r = row0(CONTEXTS('TLSContexts 7 = "a", , "HIGH", ;'));
    expect(r.index).toBe('7');
    expect([...r.cells.values()].map((c) => c.value)).toEqual(['7', 'a', '', 'HIGH', '']);
  });

  test('"$$" in a data line is the parameter\'s default value: read as if the column were not written', () => {
    const text = CONTEXTS('TLSContexts 0 = "a", $$, "HIGH", "HIGH";');
    expect(value(text, 'TLSVersion')).toBeUndefined();
    expect(parse(text).notes).toEqual([expect.stringMatching(/\$\$ means the parameter's default value for TLSVersion/)]);
    const out = readConfig(audiocodesReader, { 'board.ini': text }, 'board.ini');
    expect(out.problems).toEqual([]);
  });

  test('a quoted value keeps its commas and semicolons; a quote inside an unquoted value is text', () => {
    expect(fieldsOf('"a, b; c", \'d,e\', it"s, x;').fields).toEqual(['a, b; c', 'd,e', 'it"s', 'x']);
    expect(value(CONTEXTS('TLSContexts 0 = "a", 4, "ECDHE+AESGCM:!aNULL;x", "HIGH";'), 'ServerCipherString')).toBe('ECDHE+AESGCM:!aNULL;x');
  });

  test('FORMAT and data lines end with ";": a line without it is noted (no continuation on the next line), text after it is not read', () => {
    const { notes, ini } = parse(CONTEXTS('TLSContexts 0 = "a", 4, "HIGH",\n"HIGH";'));
    expect(notes[0]).toMatch(/^3 row TLSContexts 0 does not end with ";"/);
    expect(notes[1]).toMatch(/^4 line in table TLSContexts not understood/);
    expect(cell(ini.tables.get('tlscontexts')!.rows[0]!, 'ClientCipherString')!.value).toBe('');
    expect(parse(CONTEXTS('TLSContexts 0 = "a", 4, "HIGH", "HIGH"; junk')).notes).toEqual([
      expect.stringMatching(/text after the ending ";" is not read: `junk`/),
    ]);
  });

  test('data lines must match the FORMAT line: a different count is noted', () => {
    expect(parse(CONTEXTS('TLSContexts 0 = "a", 4;')).notes).toEqual([expect.stringMatching(/has 3 values for 5 FORMAT columns/)]);
  });

  test('each row (table name and index) may appear only once: a repeat is noted and the last one read', () => {
    const text = CONTEXTS('TLSContexts 0 = "a", 1, "RC4", "RC4";\nTLSContexts 0 = "a", 4, "HIGH", "HIGH";');
    const { ini, notes } = parse(text);
    expect(ini.tables.get('tlscontexts')!.rows.map((r) => cell(r, 'TLSVersion')!.value)).toEqual(['4']);
    expect(notes).toEqual([expect.stringMatching(/^4 row TLSContexts 0 appears again \(first at line 3\)/)]);
  });

  test('a data line before the FORMAT line has no columns: noted, not read', () => {
    expect(parse('[ TLSContexts ]\nTLSContexts 0 = "a";\nFORMAT Index = Name;\n[ \\TLSContexts ]\n').notes).toEqual([
      expect.stringMatching(/^2 row of table TLSContexts before its FORMAT line/),
    ]);
  });
});

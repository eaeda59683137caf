/**
 * AudioCodes Mediant SBC configuration (the `.ini` file the device exports): the `TLSContexts` table
 * (versions, cipher strings per role, TLS 1.3 suites, key exchange groups), the `SIPInterface` rows that
 * listen for TLS with a context, and the global mutual-authentication and peer-verification parameters.
 *
 * Tables are `[ Name ]` … `[ \Name ]`; a `FORMAT Index = Col1, Col2, …;` line names the columns (older
 * firmware prefixes them: `FORMAT TLSContexts_Index = TLSContexts_Name, …`), then rows
 * `Name N = "text", 4, , …;`. Columns differ between firmware versions, so every value is found by name.
 * Parameters: AudioCodes "Mediant Software SBC User's Manual", Configuration Parameters Reference and
 * "Configuring TLS Certificate Contexts" (https://www.audiocodes.com/library/technical-documents).
 * Certificates and trusted roots are uploaded to the device per context; they are not in the INI.
 */
import type { SourceLocation } from '../../engine/types.js';
import {
  sourced,
  type ConfigProblem,
  type ProductSyntax,
  type Provenance,
  type Sourced,
  type TlsEndpointSettings,
} from '../../model/endpoint.js';
import type { TlsVersion } from '../../model/tls.js';
import type { FileNote, ReaderOutput, SbcReader } from '../types.js';

const MANUAL = "AudioCodes Mediant SBC User's Manual, Configuration Parameters Reference";
const MAX_NOTES = 200;

export interface Row {
  table: string;
  index: string;
  line: number;
  /** A later row with the same index replaces this one. */
  replaced?: boolean;
  /** Column name as written in FORMAT (with any `Table_` prefix) -> value. */
  cells: Map<string, { column: string; value: string }>;
}

export interface Table {
  name: string;
  line: number;
  columns?: string[];
  rows: Row[];
}

export interface Global {
  key: string;
  value: string;
  line: number;
}

export interface Ini {
  tables: Map<string, Table>;
  globals: Map<string, Global>;
}

/**
 * A FORMAT or data line's values, as the manual's "Format of ini File Table Parameters" describes them:
 * separated by commas, the line ended by a semicolon. A value that starts with a double or single quote
 * runs to the matching quote (commas and semicolons inside are text); a quote inside an unquoted value
 * is text. `rest` is what follows the ending semicolon; `ended` is false when there is none.
 */
export function fieldsOf(text: string): { fields: string[]; ended: boolean; rest: string } {
  const fields: string[] = [];
  let cur = '';
  let quote = '';
  let started = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quote) {
      if (c === quote) quote = '';
      else cur += c;
      continue;
    }
    if (!started && (c === '"' || c === "'")) {
      quote = c;
      started = true;
    } else if (c === ',') {
      fields.push(cur.trim());
      cur = '';
      started = false;
    } else if (c === ';') {
      fields.push(cur.trim());
      return { fields, ended: true, rest: text.slice(k + 1).trim() };
    } else {
      cur += c;
      if (c !== ' ' && c !== '\t') started = true;
    }
  }
  fields.push(cur.trim());
  return { fields, ended: false, rest: '' };
}

export function parseIni(path: string, text: string, given: FileNote[]): Ini {
  let notes = given;
  const tables = new Map<string, Table>();
  const globals = new Map<string, Global>();
  let table: Table | undefined;
  const lines = text.split(/\r?\n/);
  const rowsByIndex = new Map<Table, Map<string, Row>>();
  const all = notes;
  notes = [];
  const lineEnd = (f: { ended: boolean; rest: string }, lineNo: number, what: string) => {
    if (!f.ended)
      notes.push({
        location: { file: path, line: lineNo },
        level: 'warn',
        message: `${what} does not end with ";" (the manual requires it, and a line does not continue on the next one); read as written`,
      });
    else if (f.rest && !f.rest.startsWith(';'))
      notes.push({
        location: { file: path, line: lineNo },
        level: 'warn',
        message: `${what}: text after the ending ";" is not read: \`${f.rest.slice(0, 60)}\``,
      });
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    const lineNo = n + 1;
    if (!line || line.startsWith(';')) continue;
    const header = sectionHeader(line);
    if (header) {
      const name = header[2]!;
      if (header[1]) {
        if (!table || table.name.toLowerCase() !== name.toLowerCase())
          notes.push({ location: { file: path, line: lineNo }, level: 'warn', message: `[ \\${name} ] closes a table that is not open` });
        table = undefined;
      } else if (/ Params$/i.test(name)) {
        table = undefined;
      } else {
        table = { name, line: lineNo, rows: [] };
        if (tables.has(name.toLowerCase()))
          notes.push({
            location: { file: path, line: lineNo },
            level: 'warn',
            message: `table ${name} appears twice; the rows of both are read`,
          });
        const existing = tables.get(name.toLowerCase());
        if (existing) table = existing;
        else tables.set(name.toLowerCase(), table);
      }
      continue;
    }
    if (table) {
      const format = /^FORMAT\s+(\S+)\s*=\s*(.*)$/i.exec(line);
      if (format) {
        const f = fieldsOf(format[2]!);
        lineEnd(f, lineNo, `the FORMAT line of ${table.name}`);
        table.columns = [format[1]!, ...f.fields];
        continue;
      }
      const row = /^(\S+)\s+(\S+)\s*=\s*(.*)$/.exec(line);
      if (row && row[1]!.toLowerCase() === table.name.toLowerCase()) {
        if (!table.columns) {
          notes.push({
            location: { file: path, line: lineNo },
            level: 'warn',
            message: `row of table ${table.name} before its FORMAT line: the columns are unknown, row not read`,
          });
          continue;
        }
        const f = fieldsOf(row[3]!);
        lineEnd(f, lineNo, `row ${table.name} ${row[2]}`);
        const values = [row[2]!, ...f.fields];
        if (values.length !== table.columns.length) {
          notes.push({
            location: { file: path, line: lineNo },
            level: 'warn',
            message: `row ${table.name} ${row[2]} has ${values.length} values for ${table.columns.length} FORMAT columns; values are matched by position up to the shorter`,
          });
        }
        const cells = new Map<string, { column: string; value: string }>();
        const defaults: string[] = [];
        table.columns.forEach((column, k) => {
          if (k >= values.length) return;
          // "The double dollar sign ($$) in a Data line indicates the default value for the parameter."
          if (k > 0 && values[k] === '$$') defaults.push(column);
          else cells.set(bareColumn(table!.name, column).toLowerCase(), { column, value: values[k]! });
        });
        if (defaults.length)
          notes.push({
            location: { file: path, line: lineNo },
            level: 'info',
            message: `row ${table.name} ${row[2]}: $$ means the parameter's default value for ${defaults.join(', ')}; read as if the column were not written`,
          });
        const byIndex = rowsByIndex.get(table) ?? new Map<string, Row>();
        rowsByIndex.set(table, byIndex);
        const twin = byIndex.get(row[2]!);
        if (twin) {
          notes.push({
            location: { file: path, line: lineNo },
            level: 'warn',
            message: `row ${table.name} ${row[2]} appears again (first at line ${twin.line}); the manual allows each row once, so the device may refuse the file; the last one is read`,
          });
          twin.replaced = true;
        }
        const read: Row = { table: table.name, index: row[2]!, line: lineNo, cells };
        byIndex.set(row[2]!, read);
        table.rows.push(read);
        continue;
      }
      notes.push({
        location: { file: path, line: lineNo },
        level: 'info',
        message: `line in table ${table.name} not understood: \`${line.slice(0, 80)}\``,
      });
      continue;
    }
    const kv = /^([A-Za-z_][\w.]*)\s*=\s*(.*)$/.exec(line);
    if (kv) {
      const value = kv[2]!
        .trim()
        .replace(/^'(.*)'$/, '$1')
        .replace(/^"(.*)"$/, '$1');
      const twin = globals.get(kv[1]!.toLowerCase());
      if (twin)
        notes.push({
          location: { file: path, line: lineNo },
          level: 'warn',
          message: `${kv[1]} is set again (first at line ${twin.line}, as ${twin.key}; parameter names are not case-sensitive); the last value is read`,
        });
      globals.set(kv[1]!.toLowerCase(), { key: kv[1]!, value, line: lineNo });
    }
  }
  for (const t of tables.values()) if (t.rows.some((r) => r.replaced)) t.rows = t.rows.filter((r) => !r.replaced);
  // notes are bounded: a hostile file of a million odd lines gets the first ones and a count
  all.push(...notes.slice(0, MAX_NOTES));
  if (notes.length > MAX_NOTES)
    all.push({
      location: { file: path },
      level: 'warn',
      message: `${notes.length - MAX_NOTES} more lines of this file were noted; only the first ${MAX_NOTES} notes are shown`,
    });
  return { tables, globals };
}

/** `TLSContexts_Name` -> `Name`; `Index` stays `Index`. */
function bareColumn(table: string, column: string): string {
  const prefix = `${table}_`;
  return column.toLowerCase().startsWith(prefix.toLowerCase()) ? column.slice(prefix.length) : column;
}

export function cell(row: Row, ...names: string[]): { column: string; value: string } | undefined {
  for (const n of names) {
    const c = row.cells.get(n.toLowerCase());
    if (c) return c;
  }
  return undefined;
}

const VERSION_BITS: Array<[number, TlsVersion]> = [
  [1, '1.0'],
  [2, '1.1'],
  [4, '1.2'],
  [8, '1.3'],
];

export const audiocodesReader: SbcReader = {
  format: 'audiocodes',
  describe:
    'AudioCodes Mediant SBC .ini: TLSContexts table (versions, cipher strings, TLS 1.3, key exchange groups), SIPInterface TLS ports, mutual authentication',
  detect(file) {
    const text = file.text.slice(0, 2_000_000);
    if (/^[ \t]*\[\s*TLSContexts\s*\]\s*$/im.test(text)) return 'entry';
    const hasTable = /^[ \t]*FORMAT\s+\S+\s*=/im.test(text) && /^[ \t]*\[\s*\\{1,2}\s*\w+\s*\]\s*$/m.test(text);
    const hasParams = /^[ \t]*\[(SYSTEM|SIP|BSP|Voice Engine|WEB|ControlProtocols) Params\]\s*$/im.test(text);
    return hasTable || hasParams ? 'entry' : false;
  },
  read(input): ReaderOutput {
    const file = input.file.path;
    const notes: FileNote[] = [];
    const problems: ConfigProblem[] = [];
    const endpoints: TlsEndpointSettings[] = [];
    let ini: Ini;
    try {
      ini = parseIni(file, input.file.text, notes);
    } catch (error) {
      notes.push({ location: { file }, level: 'warn', message: `could not read the file: ${(error as Error).message}` });
      return { endpoints, consumed: [], notes, problems };
    }
    const contexts = ini.tables.get('tlscontexts');
    const interfaces = ini.tables.get('sipinterface');
    const networkInterfaces = ini.tables.get('interfacetable');
    const at = (line: number, key: string): Provenance => ({ kind: 'file', file, line, key });
    const loc = (line: number, key?: string): SourceLocation => (key ? { file, line, key } : { file, line });
    const global = (name: string) => ini.globals.get(name.toLowerCase());

    if (!contexts) {
      const tlsInterfaces = (interfaces?.rows ?? []).filter((r) => Number(cell(r, 'TLSPort')?.value ?? 0) > 0);
      if (tlsInterfaces.length) {
        notes.push({
          location: loc(interfaces!.line),
          level: 'warn',
          message: `SIP interfaces listen for TLS but this file has no TLSContexts table: the TLS settings of their context are not in this file (export the full INI)`,
        });
      } else {
        notes.push({
          location: { file },
          level: 'info',
          message: 'no TLSContexts table and no SIP interface with a TLS port: no TLS endpoint in this file',
        });
      }
      return { endpoints, consumed: [], notes, problems };
    }
    const has13Columns = (contexts.columns ?? []).some((c) => /TLS13String$/i.test(c));
    // SIP interfaces that listen for TLS, by the context they name ('' = the default context, #0).
    const listeners = new Map<string, Row[]>();
    for (const r of interfaces?.rows ?? []) {
      const port = cell(r, 'TLSPort');
      if (!port || !(Number(port.value) > 0)) continue;
      const key = (cell(r, 'TLSContext', 'TLSContextName')?.value ?? '').toLowerCase();
      const list = listeners.get(key);
      if (list) list.push(r);
      else listeners.set(key, [r]);
    }

    // Global defaults for the server's client-certificate demand and the client's verification of servers.
    const sipsRequire = global('SIPSRequireClientCertificate');
    const verifyServer = global('VerifyServerCertificate');
    const hostNameMode = global('PeerHostNameVerificationMode');
    // Client role: SIPSRequireClientCertificate = 1 makes the SBC verify servers too; otherwise VerifyServerCertificate
    // decides; PeerHostNameVerificationMode 2 checks the server's name when the SBC is the client.
    let verifyPeer: Sourced<boolean> | undefined;
    if (sipsRequire?.value === '1') verifyPeer = sourced(true, at(sipsRequire.line, sipsRequire.key), sipsRequire.value);
    else if (verifyServer) verifyPeer = sourced(verifyServer.value === '1', at(verifyServer.line, verifyServer.key), verifyServer.value);
    else if (hostNameMode && hostNameMode.value === '2')
      verifyPeer = sourced(true, at(hostNameMode.line, hostNameMode.key), hostNameMode.value);
    else if (hostNameMode && hostNameMode.value === '1') {
      notes.push({
        location: loc(hostNameMode.line, hostNameMode.key),
        level: 'warn',
        message: `PeerHostNameVerificationMode = 1 ("Server Only"): 7.x manuals apply it when the SBC is the client, 6.x manuals when it is the server; whether the SBC verifies the server's certificate is not read`,
      });
    } else {
      verifyPeer = sourced(false, {
        kind: 'default',
        text: `AudioCodes default: SIPSRequireClientCertificate = 0, VerifyServerCertificate = 0 and PeerHostNameVerificationMode = 0: the server's certificate is not verified (${MANUAL})`,
      });
    }

    for (const row of contexts.rows) {
      const nameCell = cell(row, 'Name');
      const name = nameCell?.value ?? '';
      const label = `TLSContexts ${row.index} "${name}"`;
      const declared = loc(row.line, label);
      const shared: Partial<TlsEndpointSettings> = {};

      const version = cell(row, 'TLSVersion');
      if (!version || version.value === '') {
        notes.push({
          location: declared,
          level: 'info',
          message: `${label}: TLSVersion is not in this row; the versions the context enables are not read`,
        });
      } else if (!/^\d+$/.test(version.value) || Number(version.value) > 15) {
        problems.push({
          code: 'invalid-value',
          message: `${label}: TLSVersion = ${version.value} is not a TLS version bitmask (1 TLS 1.0, 2 TLS 1.1, 4 TLS 1.2, 8 TLS 1.3, sums)`,
          location: loc(row.line, version.column),
          fix: `${version.column} = 4`,
          endpoint: label,
        });
      } else {
        const bits = Number(version.value);
        let versions: TlsVersion[];
        if (bits === 0) {
          versions = has13Columns ? ['1.0', '1.1', '1.2', '1.3'] : ['1.0', '1.1', '1.2'];
          notes.push({
            location: loc(row.line, version.column),
            level: 'info',
            message: `${label}: TLSVersion = 0 ("Any") read as TLS 1.0-1.2${has13Columns ? ' and 1.3 (this firmware has TLS 1.3 columns)' : ''}; AudioCodes documents it as "any version" without listing them per firmware`,
          });
        } else versions = VERSION_BITS.filter(([bit]) => bits & bit).map(([, v]) => v);
        shared.versions = sourced(versions, at(row.line, version.column), version.value);
      }

      const groups = cell(row, 'KeyExchangeGroups');
      if (groups && groups.value)
        shared.curves = sourced(
          groups.value
            .split(/[\s,:]+/)
            .filter(Boolean)
            .join(':'),
          at(row.line, groups.column),
          groups.value,
        );

      notes.push({
        location: declared,
        level: 'info',
        message: `${label}: the certificate and trusted roots are uploaded to the device, not kept in the INI; give the chain to scan with the trunk profile's \`chain:\` or check it with \`byoc-check CHAIN\``,
      });

      const roleCiphers = (endpoint: TlsEndpointSettings, prefix: 'Server' | 'Client') => {
        const c = cell(row, `${prefix}CipherString`);
        if (c && c.value) endpoint.ciphers = sourced(c.value, at(row.line, c.column));
        else
          notes.push({
            location: declared,
            level: 'info',
            message: `${label}: ${prefix}CipherString is ${c ? 'empty' : 'not in this row'}; the ${prefix.toLowerCase()} cipher list is the firmware default, not read`,
          });
        const t = cell(row, `${prefix}CipherTLS13String`);
        if (t && t.value) endpoint.tls13Suites = sourced(t.value, at(row.line, t.column));
      };

      const syntaxFor = (role: 'Server' | 'Client', sipInterface?: string): ProductSyntax => ({
        ciphers: (value) => `${label}: ${role}CipherString = "${value}"`,
        allowTls12: () => `${label}: TLSVersion = ${has13Columns ? '12 (TLS 1.2 and 1.3)' : '4 (TLS 1.2)'}`,
        curves: (value) => `${label}: KeyExchangeGroups = "${value}"`,
        noClientCertificate: () => (sipInterface ? `${sipInterface}: TLSMutualAuthentication = 0` : 'SIPSRequireClientCertificate = 0'),
        verifyPeer: () => 'VerifyServerCertificate = 1 and PeerHostNameVerificationMode = 2',
        caList: (path) =>
          `the Trusted Root Certificates of ${label} to ${path} (Setup > IP Network > Security > TLS Contexts > Trusted Root Certificates)`,
      });

      // Server role: each SIP interface that listens for TLS with this context (an empty context is the default, #0).
      const using = [...(listeners.get(name.toLowerCase()) ?? []), ...(row.index === '0' ? (listeners.get('') ?? []) : [])].sort(
        (a, b) => a.line - b.line,
      );
      for (const sip of using) {
        const sipName = cell(sip, 'InterfaceName')?.value ?? '';
        const sipLabel = `SIPInterface ${sip.index} "${sipName}"`;
        const port = cell(sip, 'TLSPort')!;
        const server: TlsEndpointSettings = {
          id: '',
          format: 'audiocodes',
          declared: loc(sip.line, sipLabel),
          name: `${label} / ${sipLabel}`,
          role: 'server',
          ...shared,
          syntax: syntaxFor('Server', sipLabel),
        };
        const netName = cell(sip, 'NetworkInterface')?.value;
        const net = netName ? networkInterfaces?.rows.find((r) => cell(r, 'InterfaceName')?.value === netName) : undefined;
        const ip = net ? cell(net, 'IPAddress')?.value : undefined;
        server.listen = sourced({ ...(ip ? { host: ip } : {}), port: Number(port.value) }, at(sip.line, port.column), port.value);
        const ctx = cell(sip, 'TLSContext', 'TLSContextName');
        if (!ctx || ctx.value === '')
          notes.push({
            location: loc(sip.line, sipLabel),
            level: 'info',
            message: `${sipLabel} names no TLS context; AudioCodes uses the default context (#0, ${label})`,
          });
        roleCiphers(server, 'Server');
        const mutual = cell(sip, 'TLSMutualAuthentication');
        let required: Sourced<boolean> | undefined;
        if (mutual && (mutual.value === '0' || mutual.value === '1'))
          required = sourced(mutual.value === '1', at(sip.line, mutual.column), mutual.value);
        else if (mutual && mutual.value !== '' && mutual.value !== '-1') {
          problems.push({
            code: 'invalid-value',
            message: `${sipLabel}: TLSMutualAuthentication = ${mutual.value} is not -1, 0 or 1`,
            location: loc(sip.line, mutual.column),
            fix: `${mutual.column} = 0`,
            endpoint: server.name,
          });
        } else if (sipsRequire) required = sourced(sipsRequire.value === '1', at(sipsRequire.line, sipsRequire.key), sipsRequire.value);
        else
          required = sourced(false, {
            kind: 'default',
            text: `AudioCodes default: TLSMutualAuthentication -1 (not configured) falls back to SIPSRequireClientCertificate, default 0 (${MANUAL})`,
          });
        if (required) {
          server.requireClientCert = required;
          server.requestClientCert = required;
        }
        endpoints.push(server);
      }
      if (interfaces && !using.length) {
        notes.push({
          location: declared,
          level: 'info',
          message: `${label}: no SIP interface listens for TLS with this context; only its client role is read`,
        });
      } else if (!interfaces) {
        notes.push({
          location: declared,
          level: 'info',
          message: `${label}: this file has no SIPInterface table; the TLS listener (server role) is not read`,
        });
      }

      const client: TlsEndpointSettings = {
        id: '',
        format: 'audiocodes',
        declared,
        name: label,
        role: 'client',
        ...shared,
        syntax: syntaxFor('Client'),
      };
      roleCiphers(client, 'Client');
      if (verifyPeer) client.verifyPeer = verifyPeer;
      endpoints.push(client);
    }
    if (!contexts.rows.length) notes.push({ location: loc(contexts.line), level: 'warn', message: 'the TLSContexts table has no rows' });
    return { endpoints, consumed: [], notes, problems };
  },
};

/** `[ name ]` or `[ \\name ]` as [line, backslashes, name]; linear where the regex with three `\s*` was quadratic on spaces. */
function sectionHeader(line: string): [string, string, string] | null {
  if (line.length < 2 || !line.startsWith('[') || !line.endsWith(']')) return null;
  const inner = line.slice(1, -1);
  if (inner.includes(']')) return null;
  const trimmed = inner.trim();
  const slashes = /^\\{0,2}/.exec(trimmed)![0];
  return [line, slashes, trimmed.slice(slashes.length).trim()];
}

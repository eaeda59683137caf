/** The RFC 3261 SIP-URI grammar: a table of real-world URIs, errors with positions, and properties. */
import fc from 'fast-check';
import { formatSipUri, parseHostPort, parseSipUri, SipUriError } from '../../src/sip/uri.js';

describe('parseSipUri on real-world URIs', () => {
  test('BYOC TGRP URI: user-part parameters, port, transport', () => {
    const u = parseSipUri('sip:+13175550100;tgrp=mycarrier;trunk-context=example@lb01.voice.use1.pure.cloud:5061;transport=tls');
    expect(u).toMatchObject({ scheme: 'sip', user: '+13175550100', host: 'lb01.voice.use1.pure.cloud', hostType: 'hostname', port: 5061 });
    expect(u.userParams.map((p) => [p.name, p.value])).toEqual([
      ['tgrp', 'mycarrier'],
      ['trunk-context', 'example'],
    ]);
    expect(u.params.map((p) => [p.name, p.value])).toEqual([['transport', 'tls']]);
  });

  test('case-insensitive scheme and parameter names; values keep their case', () => {
    const u = parseSipUri('SIPS:Alice@Example.COM;Transport=TLS;LR');
    expect(u.scheme).toBe('sips');
    expect(u.host).toBe('example.com');
    expect(u.params.map((p) => [p.name, p.value])).toEqual([
      ['transport', 'TLS'],
      ['lr', undefined],
    ]);
  });

  test('escaped characters in the user part are decoded', () => {
    expect(parseSipUri('sip:%2B1%20555@sbc.example.com').user).toBe('+1 555');
    expect(parseSipUri('sip:J%C3%BCrgen@sbc.example.com').user).toBe('Jürgen');
  });

  test('IPv4 and IPv6 hosts', () => {
    expect(parseSipUri('sip:+1@192.0.2.4:5061;transport=tls')).toMatchObject({ host: '192.0.2.4', hostType: 'ipv4', port: 5061 });
    expect(parseSipUri('sip:+1@[2001:DB8::1]:5061;transport=tls')).toMatchObject({ host: '2001:db8::1', hostType: 'ipv6', port: 5061 });
  });

  test('headers after ?', () => {
    const u = parseSipUri('sip:+1@sbc.example.com;transport=tls?X-Route=a%20b&Subject=hi');
    expect(u.headers).toEqual([
      { name: 'X-Route', value: 'a b' },
      { name: 'Subject', value: 'hi' },
    ]);
  });

  test('password and no user', () => {
    expect(parseSipUri('sip:alice:secret@sbc.example.com').password).toBe('secret');
    expect(parseSipUri('sip:lb01.voice.euw1.pure.cloud;transport=tls').user).toBeUndefined();
  });

  test('offsets mark each parameter in the original text', () => {
    const text = 'sip:+1@h.example.com;transport=tls;tgrp=x';
    const u = parseSipUri(text);
    const tgrp = u.params.find((p) => p.name === 'tgrp')!;
    expect(text.slice(tgrp.start, tgrp.end)).toBe(';tgrp=x');
    expect(text.slice(u.hostStart, u.hostEnd)).toBe('h.example.com');
  });
});

describe('invalid URIs give the position and the reason', () => {
  test.each([
    ['tel:+13175550100', 1, /scheme "tel" is not sip or sips/],
    ['+13175550100@sbc.example.com', 1, /starts with "sip:" or "sips:"/],
    ['sip:+1@', 8, /host is missing/],
    ['sip:+1@sbc..example.com', 12, /empty label/],
    ['sip:+1@-sbc.example.com', 8, /starts or ends with "-"/],
    ['sip:+1@sbc.example.com:50a', 26, /unexpected "a" after the host/],
    ['sip:+1@sbc.example.com:99999', 24, /port 99999 is out of range/],
    ['sip:+1@[2001:db8::1', 8, /IPv6 reference that is never closed/],
    ['sip:+1@[2001:zz::1]', 9, /not a valid IPv6 address/],
    ['sip:+1@300.1.1.1', 8, /octet above 255/],
    ['sip:+1 555@sbc.example.com', 7, /unexpected " " in the user part \(escape it as %20\)/],
    ['sip:+1%2@sbc.example.com', 7, /"%" must be followed by two hex digits/],
    ['sip:+1@sbc.example.com;transport=tls?X-A', 41, /header "X-A" needs "="/],
    ['sip:+1@sbc.example.123', 20, /last host label "123" must start with a letter/],
  ])('%s', (text, position, reason) => {
    try {
      parseSipUri(text);
      throw new Error('parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(SipUriError);
      expect((error as SipUriError).position + 1).toBe(position);
      expect((error as SipUriError).message).toMatch(reason);
    }
  });
});

describe('HOST[:PORT] entries', () => {
  test.each([
    ['sbc1.example.com', { host: 'sbc1.example.com', hostType: 'hostname' }],
    ['SBC1.example.com:5061', { host: 'sbc1.example.com', port: 5061 }],
    ['[2001:db8::1]:5061', { host: '2001:db8::1', hostType: 'ipv6', port: 5061 }],
    ['2001:db8::1', { host: '2001:db8::1', hostType: 'ipv6' }],
    ['198.51.100.7', { host: '198.51.100.7', hostType: 'ipv4' }],
    ['bücher.example', { host: 'xn--bcher-kva.example', hostType: 'hostname' }],
  ])('%s', (text, expected) => {
    expect(parseHostPort(text)).toMatchObject(expected);
  });
});

describe('round trips that used to break', () => {
  const again = (text: string) => parseSipUri(formatSipUri(parseSipUri(text)));
  test('non-ASCII %XX in URI parameters and headers decode as UTF-8 and survive', () => {
    const u = parseSipUri('sip:+1@h.example.com;x-name=J%C3%BCrgen;transport=tls?Subject=%E6%97%A5');
    expect(u.params[0]).toMatchObject({ name: 'x-name', value: 'Jürgen' });
    expect(u.headers[0]).toEqual({ name: 'Subject', value: '日' });
    const v = again(u.raw);
    expect(v.params[0]!.value).toBe('Jürgen');
    expect(v.headers[0]!.value).toBe('日');
    expect(formatSipUri(v)).toBe('sip:+1@h.example.com;x-name=J%C3%BCrgen;transport=tls?Subject=%E6%97%A5');
  });

  test('an escaped "=" in a user-parameter name stays in the name', () => {
    const u = parseSipUri('sip:+1;a%3Db=c@h.example.com');
    expect(u.userParams[0]).toMatchObject({ name: 'a=b', value: 'c' });
    expect(formatSipUri(u)).toBe('sip:+1;a%3Db=c@h.example.com');
    expect(again(u.raw).userParams[0]).toMatchObject({ name: 'a=b', value: 'c' });
  });

  test('a lone non-UTF-8 octet reads as Latin-1 and then stays put', () => {
    const u = parseSipUri('sip:h.example.com;x=%E9');
    expect(u.params[0]!.value).toBe('é');
    expect(again(u.raw).params[0]!.value).toBe('é');
  });
});

describe('properties', () => {
  const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
  const host = fc.oneof(
    fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
    fc.ipV4(),
    fc.ipV6().map((ip) => `[${ip}]`),
  );
  const text = fc.string({ unit: fc.constantFrom(..."abcAZ09+-_.!~*'()&=$,;?/:%@ é".split('')), minLength: 1, maxLength: 12 });
  const param = fc.tuple(fc.stringMatching(/^[a-z][a-z-]{0,8}$/), fc.option(fc.stringMatching(/^[A-Za-z0-9.]{1,8}$/), { nil: undefined }));
  const uri = fc.record({
    scheme: fc.constantFrom('sip', 'sips', 'SIP'),
    user: fc.option(text, { nil: undefined }),
    userParams: fc.array(param, { maxLength: 3 }),
    host,
    port: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }),
    params: fc.array(param, { maxLength: 3 }),
  });

  test('random text never throws anything but SipUriError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        try {
          parseSipUri(s);
        } catch (error) {
          if (!(error instanceof SipUriError)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).map((s) => `sip:${s}`),
        (s) => {
          try {
            parseSipUri(s);
          } catch (error) {
            if (!(error instanceof SipUriError)) throw error;
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('parse, print and parse again gives the same URI', () => {
    fc.assert(
      fc.property(uri, (u) => {
        const userPart =
          u.user === undefined
            ? ''
            : `${encodeURIComponent(u.user)}${u.userParams.map(([n, v]) => `;${n}${v === undefined ? '' : `=${v}`}`).join('')}@`;
        const text = `${u.scheme}:${userPart}${u.host}${u.port === undefined ? '' : `:${u.port}`}${u.params.map(([n, v]) => `;${n}${v === undefined ? '' : `=${v}`}`).join('')}`;
        const first = parseSipUri(text);
        const printed = formatSipUri(first);
        const second = parseSipUri(printed);
        const strip = (x: ReturnType<typeof parseSipUri>) => ({
          ...x,
          raw: '',
          hostStart: 0,
          hostEnd: 0,
          userParams: x.userParams.map(({ name, value }) => ({ name, value })),
          params: x.params.map(({ name, value }) => ({ name, value })),
        });
        expect(strip(second)).toEqual(strip(first));
        expect(formatSipUri(second)).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });

  // Any Unicode text in any part that carries text: formatting escapes what the grammar needs,
  // parsing decodes it back (names of parameters are compared in lower case, as parsed).
  const anyText = fc.string({
    unit: fc.oneof(fc.constantFrom(...'=;@:?&%/+$,[] \t"<>é日'.split('')), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    minLength: 1,
    maxLength: 10,
  });
  const anyParam = fc.record({ name: anyText, value: fc.option(anyText, { nil: undefined }) });
  const structured = fc.record({
    scheme: fc.constantFrom('sip' as const, 'sips' as const),
    user: fc.option(anyText, { nil: undefined }),
    userParams: fc.array(anyParam, { maxLength: 3 }),
    password: fc.option(anyText, { nil: undefined }),
    host: fc.constantFrom('h.example.com', '192.0.2.1', '2001:db8::1'),
    port: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }),
    params: fc.array(anyParam, { maxLength: 3 }),
    headers: fc.array(fc.record({ name: anyText, value: anyText }), { maxLength: 2 }),
  });

  test('format, parse: every part comes back, whatever its characters', () => {
    fc.assert(
      fc.property(structured, (u) => {
        // Text as UTF-8 can carry: lone surrogates become U+FFFD on the way out.
        const wire = (t: string) => Buffer.from(t, 'utf8').toString('utf8');
        const userParams = u.user === undefined ? [] : u.userParams;
        const uri = {
          raw: '',
          scheme: u.scheme,
          ...(u.user === undefined ? {} : { user: u.user, ...(u.password === undefined ? {} : { password: u.password }) }),
          userParams: userParams.map((p) => ({ ...p, start: 0, end: 0 })),
          host: u.host,
          hostType: (u.host.includes(':') ? 'ipv6' : /^\d/.test(u.host) ? 'ipv4' : 'hostname') as 'ipv6' | 'ipv4' | 'hostname',
          ...(u.port === undefined ? {} : { port: u.port }),
          params: u.params.map((p) => ({ ...p, start: 0, end: 0 })),
          headers: u.headers,
          hostStart: 0,
          hostEnd: 0,
        };
        const text = formatSipUri(uri);
        const parsed = parseSipUri(text);
        const named = (ps: Array<{ name: string; value?: string }>) =>
          ps.map((p) => [wire(p.name).toLowerCase(), p.value === undefined ? undefined : wire(p.value)]);
        expect(parsed.user).toBe(u.user === undefined ? undefined : wire(u.user));
        expect(parsed.password).toBe(u.user === undefined || u.password === undefined ? undefined : wire(u.password));
        expect(named(parsed.userParams)).toEqual(named(userParams));
        expect(named(parsed.params)).toEqual(named(u.params));
        expect(parsed.headers).toEqual(u.headers.map((h) => ({ name: wire(h.name), value: wire(h.value) })));
        expect(parsed.port).toBe(u.port);
        // And the canonical text is a fixed point.
        expect(formatSipUri(parseSipUri(formatSipUri(parsed)))).toBe(formatSipUri(parsed));
      }),
      { numRuns: 3000 },
    );
  });
});

/** The RFC 3261 SIP-URI grammar: a table of real-world URIs, errors with positions, and properties. */
import fc from 'fast-check';
import { formatSipUri, parseHostPort, parseSipUri, SipUriError } from '../../src/sip/uri.js';

describe('parseSipUri on real-world URIs', () => {
  test('BYOC TGRP URI: user-part parameters, port, transport', () => {
    const u = parseSipUri('sip:+13175550100;tgrp=mycarrier;trunk-context=example@lb01.voice.use1.pure.cloud:5061;transport=tls');
    expect(u).toMatchObject({ scheme: 'sip', user: '+13175550100', host: 'lb01.voice.use1.pure.cloud', hostType: 'hostname', port: 5061 });
    expect(u.userParams.map((p) => [p.name, p.value])).toEqual([['tgrp', 'mycarrier'], ['trunk-context', 'example']]);
    expect(u.params.map((p) => [p.name, p.value])).toEqual([['transport', 'tls']]);
  });

  test('case-insensitive scheme and parameter names; values keep their case', () => {
    const u = parseSipUri('SIPS:Alice@Example.COM;Transport=TLS;LR');
    expect(u.scheme).toBe('sips');
    expect(u.host).toBe('example.com');
    expect(u.params.map((p) => [p.name, p.value])).toEqual([['transport', 'TLS'], ['lr', undefined]]);
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
    expect(u.headers).toEqual([{ name: 'X-Route', value: 'a b' }, { name: 'Subject', value: 'hi' }]);
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

describe('properties', () => {
  const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
  const host = fc.oneof(
    fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
    fc.ipV4(),
    fc.ipV6().map((ip) => `[${ip}]`),
  );
  const text = fc.string({ unit: fc.constantFrom(...'abcAZ09+-_.!~*\'()&=$,;?/:%@ é'.split('')), minLength: 1, maxLength: 12 });
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
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => {
      try {
        parseSipUri(s);
      } catch (error) {
        if (!(error instanceof SipUriError)) throw error;
      }
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ maxLength: 40 }).map((s) => `sip:${s}`), (s) => {
      try {
        parseSipUri(s);
      } catch (error) {
        if (!(error instanceof SipUriError)) throw error;
      }
    }), { numRuns: 3000 });
  });

  test('parse, print and parse again gives the same URI', () => {
    fc.assert(fc.property(uri, (u) => {
      const userPart = u.user === undefined ? '' : `${encodeURIComponent(u.user)}${u.userParams.map(([n, v]) => `;${n}${v === undefined ? '' : `=${v}`}`).join('')}@`;
      const text = `${u.scheme}:${userPart}${u.host}${u.port === undefined ? '' : `:${u.port}`}${u.params.map(([n, v]) => `;${n}${v === undefined ? '' : `=${v}`}`).join('')}`;
      const first = parseSipUri(text);
      const printed = formatSipUri(first);
      const second = parseSipUri(printed);
      const strip = (x: ReturnType<typeof parseSipUri>) => ({ ...x, raw: '', hostStart: 0, hostEnd: 0, userParams: x.userParams.map(({ name, value }) => ({ name, value })), params: x.params.map(({ name, value }) => ({ name, value })) });
      expect(strip(second)).toEqual(strip(first));
      expect(formatSipUri(second)).toBe(printed);
    }), { numRuns: 2000 });
  });
});

/**
 * BYOC Cloud SIP proxy host names (the CN/SAN of Genesys' proxy certificates, for the host
 * part of Request-URIs) and the DigiCert roots per region.
 *
 * Source: Genesys "TLS trunk transport protocol specification", sections "Certificate
 * authorities by region" and "Subject name validation" (French seed 002; English not stored).
 * The host table in that source has copy errors (../shared/reference/byoc-domain-facts.md 2.2):
 * rows marked `doubtful` are either documented with an anomaly or inferred from the pattern
 * lb0N.voice.<region>.pure.cloud, and are warned about rather than trusted.
 */
export const provenance = {
  source: 'Genesys Cloud: TLS trunk transport protocol specification (BYOC Cloud), region roots and subject-name host table',
  url: 'https://help.mypurecloud.com/articles/tls-trunk-transport-protocol-specification/',
  reference: '../shared/reference/byoc-domain-facts.md sections 2.1-2.2',
  retrieved: '2026-11-22',
} as const;

export const GENESYS_ROOTS = {
  ev: {
    name: 'DigiCert High Assurance EV Root CA',
    subjectHash: '244b5494',
    note: 'Mozilla stopped trusting it for TLS on 2026-04-15: SBCs with a current Mozilla-derived store may lack it',
  },
  g2: { name: 'DigiCert Global Root G2', subjectHash: '607986c7' },
  g3: { name: 'DigiCert Global Root G3', subjectHash: 'dd8e9d41' },
} as const;

export interface Region {
  code: string;
  /** The AWS region name Genesys' own tables label it with (us-east-1), accepted wherever a region is given. */
  aws: string;
  name: string;
  /** The root Genesys' proxies chain to today. */
  currentRoot: keyof typeof GENESYS_ROOTS;
  /** Roots the SBC should trust to accept Genesys, now and after the announced migration. */
  trust: Array<keyof typeof GENESYS_ROOTS>;
  /** Proxy host domain: lb0N.<domain>. */
  domain: string;
  /** Why the host names of this region are doubtful, when they are. */
  doubt?: string;
}

const EV_TRUST: Region['trust'] = ['ev', 'g2', 'g3'];
const G2_TRUST: Region['trust'] = ['g2', 'g3'];

export const regions: readonly Region[] = [
  { code: 'use1', aws: 'us-east-1', name: 'US East (N. Virginia)', currentRoot: 'ev', trust: EV_TRUST, domain: 'voice.use1.pure.cloud' },
  {
    code: 'use2',
    aws: 'us-east-2',
    name: 'US East 2 (Ohio, FedRAMP)',
    currentRoot: 'ev',
    trust: EV_TRUST,
    domain: 'voice.use2.us-gov-pure.cloud',
  },
  {
    code: 'usw2',
    aws: 'us-west-2',
    name: 'US West (Oregon)',
    currentRoot: 'ev',
    trust: EV_TRUST,
    domain: 'voice.usw2.pure.cloud',
    doubt:
      'Genesys documents lb0N.pc-voice.usw2.pure.cloud, unlike every other region; a third-party guide (2025) resolves lb01.voice.usw2.pure.cloud',
  },
  {
    code: 'cac1',
    aws: 'ca-central-1',
    name: 'Canada (Canada Central)',
    currentRoot: 'ev',
    trust: EV_TRUST,
    domain: 'voice.cac1.pure.cloud',
    doubt: 'the Genesys table shows a copy of the usw2 row for this region; this name is inferred from the pattern',
  },
  {
    code: 'sae1',
    aws: 'sa-east-1',
    name: 'South America (São Paulo)',
    currentRoot: 'ev',
    trust: EV_TRUST,
    domain: 'voice.sae1.pure.cloud',
  },
  { code: 'euw1', aws: 'eu-west-1', name: 'Europe (Ireland)', currentRoot: 'ev', trust: EV_TRUST, domain: 'voice.euw1.pure.cloud' },
  {
    code: 'euw2',
    aws: 'eu-west-2',
    name: 'Europe (London)',
    currentRoot: 'ev',
    trust: EV_TRUST,
    domain: 'voice.euw2.pure.cloud',
    doubt: 'the Genesys table shows a copy of the usw2 row for this region; this name is inferred from the pattern',
  },
  { code: 'euc1', aws: 'eu-central-1', name: 'Europe (Frankfurt)', currentRoot: 'ev', trust: EV_TRUST, domain: 'voice.euc1.pure.cloud' },
  { code: 'euc2', aws: 'eu-central-2', name: 'Europe (Zurich)', currentRoot: 'g2', trust: G2_TRUST, domain: 'voice.euc2.pure.cloud' },
  { code: 'mec1', aws: 'me-central-1', name: 'Middle East (UAE)', currentRoot: 'g2', trust: G2_TRUST, domain: 'voice.mec1.pure.cloud' },
  {
    code: 'apne1',
    aws: 'ap-northeast-1',
    name: 'Asia Pacific (Tokyo)',
    currentRoot: 'ev',
    trust: EV_TRUST,
    domain: 'voice.apne1.pure.cloud',
  },
  {
    code: 'apne2',
    aws: 'ap-northeast-2',
    name: 'Asia Pacific (Seoul)',
    currentRoot: 'ev',
    trust: EV_TRUST,
    domain: 'voice.apne2.pure.cloud',
    doubt: 'the Genesys table shows a copy of the usw2 row for this region; this name is inferred from the pattern',
  },
  {
    code: 'apne3',
    aws: 'ap-northeast-3',
    name: 'Asia Pacific (Osaka)',
    currentRoot: 'g2',
    trust: G2_TRUST,
    domain: 'voice.apne3.pure.cloud',
    doubt: 'the Genesys row for Osaka is broken (names "usw3", lb03 twice, no lb02); this name is inferred from the pattern',
  },
  {
    code: 'apse2',
    aws: 'ap-southeast-2',
    name: 'Asia Pacific (Sydney)',
    currentRoot: 'ev',
    trust: EV_TRUST,
    domain: 'voice.apse2.pure.cloud',
  },
  {
    code: 'aps1',
    aws: 'ap-south-1',
    name: 'Asia Pacific (Mumbai)',
    currentRoot: 'ev',
    trust: EV_TRUST,
    domain: 'voice.aps1.pure.cloud',
    doubt: 'the Genesys table shows a copy of the usw2 row for this region; this name is inferred from the pattern',
  },
];

export interface ProxyHost {
  host: string;
  region: string;
  /** Set when the name is doubtful; says why. */
  doubt?: string;
}

/** Host names as Genesys documents them, where they differ from the pattern. */
const documentedAnomalies: ProxyHost[] = [
  ...[1, 2, 3, 4].map((n) => ({
    host: `lb0${n}.pc-voice.usw2.pure.cloud`,
    region: 'usw2',
    doubt:
      'documented by Genesys for usw2 (and copied into the cac1, euw2, apne2 and aps1 rows); the "pc-voice" prefix differs from every other region',
  })),
  ...[1, 3, 4].map((n) => ({
    host: `lb0${n}.pc-voice.usw3.pure.cloud`,
    region: 'apne3',
    doubt: 'documented in the broken Osaka row; "usw3" is not a Genesys region',
  })),
];

/** Every known proxy host: lb01..lb04 per region, plus the documented anomalies. */
export const proxyHosts: readonly ProxyHost[] = [
  ...regions.flatMap((r) =>
    [1, 2, 3, 4].map((n) => ({ host: `lb0${n}.${r.domain}`, region: r.code, ...(r.doubt ? { doubt: r.doubt } : {}) })),
  ),
  ...documentedAnomalies,
];

/** Genesys Cloud domains: a URI host under one of these is Genesys', not the customer's. */
export const GENESYS_DOMAINS = [
  'pure.cloud',
  'us-gov-pure.cloud',
  'mypurecloud.com',
  'mypurecloud.ie',
  'mypurecloud.de',
  'mypurecloud.jp',
  'mypurecloud.com.au',
  'genesys.cloud',
];

export function isGenesysHost(host: string): boolean {
  const h = host.replace(/\.$/, '').toLowerCase();
  return GENESYS_DOMAINS.some((d) => h === d || h.endsWith(`.${d.replace(/\.$/, '')}`));
}

export function proxyRegion(host: string): { region: string; doubt?: string } | undefined {
  const h = host.replace(/\.$/, '').toLowerCase();
  return proxyHosts.find((p) => p.host === h);
}

/** A region as the user wrote it (use1, us-east-1, USE1): the Genesys code, or undefined when unknown. */
export function regionCode(written: string): string | undefined {
  const lower = written.trim().toLowerCase();
  return regions.find((r) => r.code === lower || r.aws === lower)?.code;
}

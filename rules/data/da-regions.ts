/**
 * Genesys Cloud regions for data actions mTLS: the domain the data actions client certificate names,
 * the label of the regional CA download, and the OAuth login and Platform API hosts used by
 * `byoc-check data-actions --fetch`.
 *
 * Domains and download labels: Genesys Cloud "MTLS support for data actions" (English page; the
 * Spanish and German copies give the same domains). Localised copies of that page mislabel some
 * certificate downloads: the Japanese copy gives "EU Central 1" for Canada, APNE-1 for Seoul and
 * EU-West-1 for London and has no download for the UAE; the French copy gives EU-Central-1 for
 * Canada. The domains agree in every copy, and this table follows the English labels.
 *
 * Hosts: the region environments of Genesys' own Platform API SDK (PureCloudRegionHosts: login.<env>
 * issues tokens, api.<env> serves /api/v2).
 */
export const provenance = {
  source:
    'Genesys Cloud: MTLS support for data actions (regional domain names); Platform API SDK PureCloudRegionHosts (login and API hosts)',
  url: 'https://help.mypurecloud.com/articles/mtls-support-for-data-actions/',
  hostsUrl: 'https://app.unpkg.com/purecloud-platform-client-v2@223.0.0/files/src/purecloud-platform-client-v2/PureCloudRegionHosts.js',
  retrieved: '2026-11-23',
} as const;

export interface DataActionsRegion {
  /** Genesys region code, as `--region` takes it. */
  code: string;
  name: string;
  awsRegion: string;
  /** The DNS name in the data actions client certificate of this region. */
  domain: string;
  /** Label of the regional CA certificate download (.zip) on the help page. */
  caDownload: string;
  /** SDK environment: tokens from https://login.<env>, API at https://api.<env>. */
  environment: string;
}

export const daRegions: readonly DataActionsRegion[] = [
  {
    code: 'cac1',
    name: 'Americas (Canada)',
    awsRegion: 'ca-central-1',
    domain: 'dataactions.prod-cac1.ca-central-1.mypurecloud.com',
    caDownload: 'CA-Central-1',
    environment: 'cac1.pure.cloud',
  },
  {
    code: 'sae1',
    name: 'Americas (São Paulo)',
    awsRegion: 'sa-east-1',
    domain: 'dataactions.prod-sae1.sa-east-1.mypurecloud.com',
    caDownload: 'SA-East-1',
    environment: 'sae1.pure.cloud',
  },
  {
    code: 'use1',
    name: 'Americas (US East)',
    awsRegion: 'us-east-1',
    domain: 'dataactions.prod.us-east-1.mypurecloud.com',
    caDownload: 'US-East-1',
    environment: 'mypurecloud.com',
  },
  {
    code: 'use2',
    name: 'Americas (US East 2)',
    awsRegion: 'us-east-2',
    domain: 'dataactions.fedramp-use2-core.us-east-2.mypurecloud.com',
    caDownload: 'US-East-2',
    environment: 'use2.us-gov-pure.cloud',
  },
  {
    code: 'usw2',
    name: 'Americas (US West)',
    awsRegion: 'us-west-2',
    domain: 'dataactions.prod-usw2.us-west-2.mypurecloud.com',
    caDownload: 'US-West-2',
    environment: 'usw2.pure.cloud',
  },
  {
    code: 'aps1',
    name: 'Asia Pacific (Mumbai)',
    awsRegion: 'ap-south-1',
    domain: 'dataactions.prod-aps1.ap-south-1.mypurecloud.com',
    caDownload: 'APS-1',
    environment: 'aps1.pure.cloud',
  },
  {
    code: 'apne3',
    name: 'Asia Pacific (Osaka)',
    awsRegion: 'ap-northeast-3',
    domain: 'dataactions.prod-apne3.ap-northeast-3.mypurecloud.com',
    caDownload: 'APNE-3',
    environment: 'apne3.pure.cloud',
  },
  {
    code: 'apne2',
    name: 'Asia Pacific (Seoul)',
    awsRegion: 'ap-northeast-2',
    domain: 'dataactions.prod-apne2.ap-northeast-2.mypurecloud.com',
    caDownload: 'APNE-2',
    environment: 'apne2.pure.cloud',
  },
  {
    code: 'apse2',
    name: 'Asia Pacific (Sydney)',
    awsRegion: 'ap-southeast-2',
    domain: 'dataactions.prod-apse2.ap-southeast-2.mypurecloud.com',
    caDownload: 'APSE-2',
    environment: 'mypurecloud.com.au',
  },
  {
    code: 'apne1',
    name: 'Asia Pacific (Tokyo)',
    awsRegion: 'ap-northeast-1',
    domain: 'dataactions.prod-apne1.ap-northeast-1.mypurecloud.com',
    caDownload: 'APNE-1',
    environment: 'mypurecloud.jp',
  },
  {
    code: 'euw1',
    name: 'EMEA (Dublin)',
    awsRegion: 'eu-west-1',
    domain: 'dataactions.prod-euw1.eu-west-1.mypurecloud.com',
    caDownload: 'EU-West-1',
    environment: 'mypurecloud.ie',
  },
  {
    code: 'euc1',
    name: 'EMEA (Frankfurt)',
    awsRegion: 'eu-central-1',
    domain: 'dataactions.prod-euc1.eu-central-1.mypurecloud.com',
    caDownload: 'EU-Central-1',
    environment: 'mypurecloud.de',
  },
  {
    code: 'euw2',
    name: 'EMEA (London)',
    awsRegion: 'eu-west-2',
    domain: 'dataactions.prod-euw2.eu-west-2.mypurecloud.com',
    caDownload: 'EU-West-2',
    environment: 'euw2.pure.cloud',
  },
  {
    code: 'euc2',
    name: 'EMEA (Zurich)',
    awsRegion: 'eu-central-2',
    domain: 'dataactions.prod-euc2.eu-central-2.mypurecloud.com',
    caDownload: 'EU-Central-2',
    environment: 'euc2.pure.cloud',
  },
  {
    code: 'mec1',
    name: 'Middle East (UAE)',
    awsRegion: 'me-central-1',
    domain: 'dataactions.prod-mec1.me-central-1.mypurecloud.com',
    caDownload: 'ME-Central-1',
    environment: 'mec1.pure.cloud',
  },
];

export const DA_REGION_CODES = daRegions.map((r) => r.code);

/** A region as written (euw1, eu-west-1, EU-West-1): its Genesys code, or undefined. */
export function daRegionCode(written: string): string | undefined {
  const lower = written.trim().toLowerCase();
  return daRegions.find((r) => r.code === lower || r.awsRegion.toLowerCase() === lower)?.code;
}

export function daRegion(code: string | undefined): DataActionsRegion | undefined {
  return daRegions.find((r) => r.code === code);
}

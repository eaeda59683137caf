/** The region of a --fetch when no --region is given: GENESYSCLOUD_REGION, shared by data-actions and genesys. */
import { daRegions } from '../../rules/data/da-regions.js';
import { InputError } from '../errors.js';

/** Genesys' own tools (CX as Code) name the region in GENESYSCLOUD_REGION: an AWS region or an environment. */
export function regionFromEnv(env: Record<string, string | undefined>): string | undefined {
  const envRegion = env.GENESYSCLOUD_REGION?.trim()
    .toLowerCase()
    .replace(/^https?:\/\/(api\.|login\.)?/, '')
    .replace(/\/+$/, '');
  if (!envRegion) return undefined;
  const region = daRegions.find((r) => [r.code, r.awsRegion, r.environment].includes(envRegion))?.code;
  if (!region)
    throw new InputError(
      `GENESYSCLOUD_REGION "${envRegion.replace(/[^\x20-\x7e]/g, '?').slice(0, 60)}" is not a Genesys Cloud region; give --region CODE (${daRegions.map((r) => r.code).join(', ')})`,
    );
  return region;
}

/** The org's region for a --fetch: --region as given (use1, us-east-1), else GENESYSCLOUD_REGION. */
export function orgRegion(given: string | undefined, env: Record<string, string | undefined>): string | undefined {
  return given !== undefined ? (daRegions.find((r) => r.code === given || r.awsRegion === given)?.code ?? given) : regionFromEnv(env);
}

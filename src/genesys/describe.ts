/** Shared wording of the genesys rules: a trunk's target, and the non-TLS test that makes TLS checks moot. */
import type { Finding } from '../engine/types.js';
import type { GenesysTrunk } from './trunks.js';

export const trunkTarget = (t: GenesysTrunk): string => `trunk[${t.name || t.id}]`;

/** UDP or TCP: the trunk is not secure, so its TLS checks do not apply (trunk-tls fails it). */
export const notTls = (t: GenesysTrunk): boolean => t.protocol?.value === 'udp' || t.protocol?.value === 'tcp';

export function notApplicable(t: GenesysTrunk, what: string): Finding {
  return {
    status: 'skip',
    target: trunkTarget(t),
    message: `Trunk "${t.name}" uses ${t.protocol!.value.toUpperCase()}, not TLS: ${what} does not apply (see trunk-tls) (${t.protocol!.source}).`,
    evidence: { reason: 'not-applicable', trunk: t.id, source: t.protocol!.source },
  };
}

/** The finding's location: the saved file and the property, when the trunk was read from a file. */
export function locationOf(t: GenesysTrunk, source: string): Finding['location'] {
  if (/^https?:\/\//.test(t.input)) return undefined;
  return { file: t.input, key: source.replace(/^genesys: trunk ".*" /, '') };
}

export const noTrunk = (): Finding[] => [{ status: 'skip', target: 'genesys', message: 'No BYOC Cloud trunk was read.' }];

/** A value the saved answer lacks, or holds in a shape not read: said as unknown, with the note when there is one. */
export function unknownValue(t: GenesysTrunk, key: string, what: string): Finding {
  const note = t.notes.find((n) => n.includes(`properties.${key} `));
  return {
    status: 'warn',
    target: trunkTarget(t),
    evidence: { trunk: t.id },
    message: note
      ? `Trunk "${t.name}": ${what} is unknown: ${note}.`
      : `Trunk "${t.name}" has no ${key} in the saved answer: ${what} is unknown (never set, or not returned).`,
  };
}

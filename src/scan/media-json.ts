/** A media leg as the JSON report shows it: each value with its provenance, like the TLS endpoints. */
import type { MediaSettings } from '../model/media.js';
import type { MediaJson } from '../report/types.js';
import { value } from './endpoint-json.js';

export function mediaJson(m: MediaSettings): MediaJson {
  return {
    id: m.id,
    file: m.declared?.file ?? null,
    line: m.declared?.line ?? null,
    format: m.format,
    name: m.name,
    offer: value(m.offer),
    strictness: value(m.strictness),
    suites: value(m.suites),
    rejectedSuites: value(m.rejectedSuites),
    unresolved: m.unresolved ?? [],
  };
}

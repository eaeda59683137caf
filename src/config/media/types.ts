/**
 * What a media extractor returns: the media settings of the legs that carry the Genesys trunk, read from
 * the same ReaderInput the TLS readers get (so scan can call both on one entry file). Pure, like readers.
 */
import type { MediaSettings } from '../../model/media.js';
import type { ConfigProblem } from '../../model/endpoint.js';
import type { FileNote } from '../types.js';

export interface MediaOutput {
  /** With `id` left empty (''): the gatherer numbers them (`media[0]`). */
  media: MediaSettings[];
  notes: FileNote[];
  /** What the SBC refuses or drops in its media settings (an invalid mode, a suite name it rejects): config-valid judges them. */
  problems?: ConfigProblem[];
  /** Other files read (includes, modules.conf, gateways, dialplans, vars.xml), for configFiles and changed-file runs. */
  files?: string[];
}

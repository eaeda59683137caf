/**
 * The media extractors, by SBC format: each reads the Genesys leg's SRTP facts from the same entry file
 * (and ReaderInput) its TLS reader reads. A format without one has no SRTP facts from its files.
 */
import type { SbcFormat } from '../../model/endpoint.js';
import type { ReaderInput } from '../types.js';
import { asteriskMedia } from './asterisk.js';
import { audiocodesMedia } from './audiocodes.js';
import { freeswitchMedia } from './freeswitch.js';
import { kamailioMedia, opensipsMedia } from './kamailio.js';
import type { MediaOutput } from './types.js';

export const mediaExtractors: Partial<Record<SbcFormat, (input: ReaderInput) => MediaOutput>> = {
  asterisk: asteriskMedia,
  audiocodes: audiocodesMedia,
  freeswitch: freeswitchMedia,
  kamailio: kamailioMedia,
  opensips: opensipsMedia,
};

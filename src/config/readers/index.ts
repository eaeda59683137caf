/** The SBC configuration readers, one file each; sorted by format. test/config/readers.test.ts keeps this list and the folder in step. */
import type { SbcReader } from '../types.js';
import { asteriskReader } from './asterisk.js';
import { audiocodesReader } from './audiocodes.js';
import { freeswitchReader } from './freeswitch.js';
import { kamailio } from './kamailio.js';
import { opensips } from './opensips.js';

export const readers: readonly SbcReader[] = [asteriskReader, audiocodesReader, freeswitchReader, kamailio, opensips];

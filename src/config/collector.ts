/** What a reader found it could not read (notes) and what the SBC would refuse (problems), capped so hostile input stays bounded. */
import type { ConfigProblem } from '../model/endpoint.js';
import type { FileNote, ReaderOutput } from './types.js';

export class Collector {
  notes: FileNote[] = [];
  problems: ConfigProblem[] = [];
  consumed = new Set<string>();
  unseen: NonNullable<ReaderOutput['unseen']> = [];
  unfound = new Set<string>();
  passedOver = new Map<string, string>();
  note(file: string, line: number | undefined, message: string, level: 'info' | 'warn' = 'warn'): void {
    if (this.notes.length < 200) this.notes.push({ location: line ? { file, line } : { file }, level, message });
  }
  /** A file named but not loaded as it stands: the first reason given for it is kept. */
  passOver(path: string, why: string): void {
    if (this.passedOver.size < 500 && !this.passedOver.has(path)) this.passedOver.set(path, why);
  }
  problem(p: ConfigProblem): void {
    if (this.problems.length < 200) this.problems.push(p);
  }
}

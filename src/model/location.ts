/** Where a fact or a finding is in a file: a configuration, the trunk profile, a saved API answer. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** The key as written in that file, e.g. `cipher_list`. */
  key?: string;
}

/** Types of scripts/scan-repo.mjs, the generated scan repository shared by the bench and the scale test. */
export declare const SCAN_REPO_VERSION: number;
export declare const SCAN_REPO_AT: string;
export declare const CIPHER_LISTS: readonly string[];
export interface ScanRepo {
  dir: string;
  /** The lab root, relative to `dir`. */
  ca: string;
  /** ISO time every certificate is valid at. */
  at: string;
  trunks: number;
}
export declare function generateScanRepo(dir: string, trunks: number, options?: { cache?: boolean }): Promise<ScanRepo>;

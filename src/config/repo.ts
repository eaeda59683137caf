/**
 * The scanned repository as readers see it: its text files by relative path, and how a path written
 * in a configuration (a deployment path such as /etc/kamailio/tls.cfg) is found among them.
 */
import { posix } from 'node:path';
import type { ConfigFile, ReaderInput } from './types.js';

/** `--path-map FROM=TO` / the profile's `pathMap`: a deployment prefix and the repository folder it lives in. */
export interface PathMapping {
  from: string;
  to: string;
}

export interface Located {
  path?: string;
  /** How it was found: `as written`, `relative to kamailio/kamailio.cfg`, `path map /etc/kamailio=kamailio`. */
  how?: string;
  tried: string[];
}

export class ConfigRepo {
  readonly paths: readonly string[];
  private readonly texts: ReadonlyMap<string, string>;

  constructor(
    files: ReadonlyMap<string, string>,
    readonly pathMap: readonly PathMapping[] = [],
  ) {
    this.texts = files;
    this.paths = [...files.keys()];
  }

  file(path: string): ConfigFile | undefined {
    const text = this.texts.get(path);
    return text === undefined ? undefined : { path, text };
  }

  /**
   * Finds a path written in `fromPath` among the repository's files: through the path map, as written
   * (relative to the scan root), relative to the configuration's folder, then by the longest tail of
   * the written path that names a repository file (a deployment path whose folders differ).
   */
  locate(written: string, fromPath: string, exists: (path: string) => boolean = (p) => this.texts.has(p)): Located {
    const tried: string[] = [];
    const clean = written.trim().replace(/\\/g, '/');
    const attempt = (candidate: string, how: string): Located | undefined => {
      const normal = posix.normalize(candidate).replace(/^\.\//, '');
      if (normal.startsWith('../') || tried.includes(normal)) return undefined;
      tried.push(normal);
      return exists(normal) ? { path: normal, how, tried } : undefined;
    };
    for (const map of this.pathMap) {
      const from = map.from.replace(/\/+$/, '');
      if (clean === from || clean.startsWith(`${from}/`)) {
        const hit = attempt(posix.join(map.to, clean.slice(from.length)), `path map ${map.from}=${map.to}`);
        if (hit) return hit;
      }
    }
    const relative = clean.replace(/^\/+/, '');
    const dir = posix.dirname(fromPath);
    if (!clean.startsWith('/')) {
      const hit = attempt(posix.join(dir, clean), `relative to ${fromPath}`) ?? attempt(relative, 'as written, from the scan root');
      if (hit) return hit;
    } else {
      const hit = attempt(relative, 'as written, under the scan root');
      if (hit) return hit;
    }
    const parts = relative.split('/');
    for (let k = 1; k < parts.length; k++) {
      const tail = parts.slice(k).join('/');
      const hit =
        attempt(posix.join(dir, tail), `relative to ${fromPath} (deployment folders dropped)`) ??
        attempt(tail, 'as the tail of the deployment path');
      if (hit) return hit;
    }
    return { tried };
  }

  /** The reader's view: open() a file a configuration names. */
  readerInput(file: ConfigFile): ReaderInput {
    return {
      file,
      paths: this.paths,
      open: (written, from) => {
        const found = this.locate(written, from.path);
        return { ...(found.path ? { file: this.file(found.path) } : {}), tried: found.tried };
      },
    };
  }
}

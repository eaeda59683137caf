/**
 * Changed-file selection by set look-ups: a file is selected when it, or a folder above it, was
 * given. Per file this costs its depth, not the number of given paths (a pre-commit hook on a large
 * change passes thousands).
 */

/** The folders above a repository path, nearest first: "a/b/c.pem" -> "a/b", "a". */
function* folders(path: string): Generator<string> {
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) yield path.slice(0, i);
  if (path.startsWith('/')) yield '';
}

/** Whether a file is selected by the given paths ('.' selects everything). */
export function changedFileSelector(given: readonly string[]): (file: string) => boolean {
  const paths = new Set(given);
  if (paths.has('.')) return () => true;
  return (file) => {
    if (paths.has(file)) return true;
    for (const folder of folders(file)) if (paths.has(folder)) return true;
    return false;
  };
}

/** Every folder that holds at least one of these files, at any depth. */
export function foldersOf(files: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const file of files)
    for (const folder of folders(file)) {
      if (out.has(folder)) break;
      out.add(folder);
    }
  return out;
}

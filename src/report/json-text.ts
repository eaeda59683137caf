/** The JSON report's text as `JSON.stringify(report, null, 2)` writes it, one part at a time. */

/** `JSON.stringify(value, null, 2)` as it reads one level down inside an object: wrapping gives the indentation. */
export function nestedJson(value: unknown): string {
  const text = JSON.stringify({ x: value }, null, 2);
  return text.slice('{\n  "x": '.length, -'\n}'.length);
}

/** Items of a top-level array as the report writes them: each at four spaces, joined by ",\n"; '' for none. */
export function jsonItems(items: readonly unknown[]): string {
  return items.length ? nestedJson(items).slice('[\n'.length, -'\n  ]'.length) : '';
}

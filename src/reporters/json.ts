import type { Report } from '../report/types.js';

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** `JSON.stringify(value, null, 2)` as it reads one level down inside an object: wrapping gives the indentation. */
function nested(value: unknown): string {
  const text = JSON.stringify({ x: value }, null, 2);
  return text.slice('{\n  "x": '.length, -'\n}'.length);
}

/**
 * The same text as formatJson, in pieces of a few dozen array items: a scan of a thousand trunks
 * has a report of tens of MiB, and one string of it (plus its UTF-8 copy) would double the peak memory.
 * Pieces of about 20 KB die young; pieces of 256 items (190 KB) piled up in the old generation until a
 * full collection (1,000 trunks peaked at 215 MiB, against 193 MiB with 32 items).
 */
export function* jsonChunks(report: Report, itemsPerPiece = 32): Generator<string> {
  const entries = Object.entries(report).filter(([, v]) => v !== undefined);
  let head = '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    if (!Array.isArray(value) || value.length <= itemsPerPiece) {
      head += `  ${JSON.stringify(key)}: ${nested(value)}${comma}\n`;
      continue;
    }
    yield `${head}  ${JSON.stringify(key)}: [\n`;
    head = '';
    for (let start = 0; start < value.length; start += itemsPerPiece) {
      const items = nested(value.slice(start, start + itemsPerPiece));
      const last = start + itemsPerPiece >= value.length;
      yield `${items.slice('[\n'.length, -'\n  ]'.length)}${last ? '\n' : ',\n'}`;
    }
    head = `  ]${comma}\n`;
  }
  yield `${head}}\n`;
}

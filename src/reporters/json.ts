import { jsonItems, nestedJson } from '../report/json-text.js';
import type { JsonItemsText, Report } from '../report/types.js';

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/**
 * The same text as formatJson, in pieces of a few dozen array items: a scan of a thousand trunks
 * has a report of tens of MiB, and one string of it (plus its UTF-8 copy) would double the peak memory.
 * Pieces of about 20 KB die young; pieces of 256 items (190 KB) piled up in the old generation until a
 * full collection (1,000 trunks peaked at 215 MiB, against 193 MiB with 32 items). An array in `asText`
 * (scan's results, spilled as they were judged) is written from its text instead of the report's value.
 */
export function* jsonChunks(
  report: Report,
  asText: Partial<Record<keyof Report, JsonItemsText>> = {},
  itemsPerPiece = 32,
): Generator<string> {
  const entries = Object.entries(report).filter(([, v]) => v !== undefined);
  let head = '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    const text = asText[key as keyof Report];
    if (text?.count) {
      yield `${head}  ${JSON.stringify(key)}: [\n`;
      yield* text.pieces();
      head = `\n  ]${comma}\n`;
      continue;
    }
    if (text || !Array.isArray(value) || value.length <= itemsPerPiece) {
      head += `  ${JSON.stringify(key)}: ${text ? '[]' : nestedJson(value)}${comma}\n`;
      continue;
    }
    yield `${head}  ${JSON.stringify(key)}: [\n`;
    head = '';
    for (let start = 0; start < value.length; start += itemsPerPiece) {
      const last = start + itemsPerPiece >= value.length;
      yield `${jsonItems(value.slice(start, start + itemsPerPiece))}${last ? '\n' : ',\n'}`;
    }
    head = `  ]${comma}\n`;
  }
  yield `${head}}\n`;
}

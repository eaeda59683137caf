import type { Report } from '../report/types.js';

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

const indent = (text: string, spaces: string) => text.replace(/\n/g, `\n${spaces}`);

/**
 * The same text as formatJson, in pieces of about `size` characters: a scan of a thousand trunks has a
 * report of tens of MiB, and one string of it (plus its UTF-8 copy) would double the peak memory.
 */
export function* jsonChunks(report: Report, size = 1 << 20): Generator<string> {
  let buffer = '{\n';
  const entries = Object.entries(report).filter(([, v]) => v !== undefined);
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      buffer += `  ${JSON.stringify(key)}: [\n`;
      for (const [j, item] of value.entries()) {
        buffer += `    ${indent(JSON.stringify(item, null, 2), '    ')}${j < value.length - 1 ? ',' : ''}\n`;
        if (buffer.length >= size) {
          yield buffer;
          buffer = '';
        }
      }
      buffer += `  ]${comma}\n`;
    } else buffer += `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ')}${comma}\n`;
  }
  yield `${buffer}}\n`;
}

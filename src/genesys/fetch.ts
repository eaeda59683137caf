/**
 * `genesys --fetch`: pages through GET /api/v2/telephony/providers/edges/trunkbasesettings with the
 * client credentials grant of data-actions --fetch (same token, scrub and messages). Bounded: at most
 * MAX_PAGES pages, each at most MAX_TRUNK_INPUT_BYTES, all of them within one time budget.
 */
import { apiRefusal, openSession, type FetchOptions } from '../data-actions/fetch.js';
import { InputError } from '../errors.js';
import { MAX_TRUNK_INPUT_BYTES } from './trunks.js';

export const TRUNKBASES_PATH = '/api/v2/telephony/providers/edges/trunkbasesettings';
export const TRUNKS_PERMISSION = 'telephony:plugin:all';
export const PAGE_SIZE = 100;
/** 100 pages of 100: ten thousand trunk bases, far beyond any org. */
export const MAX_PAGES = 100;
const MAX_TOTAL_BYTES = 64 << 20;

export interface FetchedPages {
  /** The first page's URL: what the report names as the source (no secret is ever in it). */
  url: string;
  pages: Array<{ url: string; body: Buffer }>;
}

function pageUrl(api: string, pageNumber: number): string {
  return `${api}${TRUNKBASES_PATH}?pageSize=${PAGE_SIZE}&pageNumber=${pageNumber}&ignoreHidden=true`;
}

/**
 * The next page: nextUri when the API gives one (only its query is used, on our own API host, so a
 * nextUri naming another host never receives the token), else pageNumber + 1 while below pageCount.
 */
function nextOf(body: Buffer, api: string, pageNumber: number): { url: string; pageNumber: number } | undefined {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined; // parseTrunkBases reports it
  }
  if (!Array.isArray(json.entities) || json.entities.length === 0) return undefined;
  if (typeof json.nextUri === 'string' && json.nextUri) {
    let next: URL;
    try {
      next = new URL(json.nextUri, 'https://api.invalid');
    } catch {
      return undefined;
    }
    if (next.pathname !== TRUNKBASES_PATH) return undefined;
    const n = Number(next.searchParams.get('pageNumber') ?? pageNumber + 1);
    if (!Number.isInteger(n) || n <= pageNumber) return undefined;
    next.searchParams.set('ignoreHidden', 'true');
    return { url: `${api}${TRUNKBASES_PATH}${next.search}`, pageNumber: n };
  }
  const count = typeof json.pageCount === 'number' ? json.pageCount : 0;
  return pageNumber < count ? { url: pageUrl(api, pageNumber + 1), pageNumber: pageNumber + 1 } : undefined;
}

export async function fetchTrunkBases(options: FetchOptions): Promise<FetchedPages> {
  // The token and every page within a budget of a few --timeouts, so paging never runs unbounded.
  const deadline = Date.now() + Math.max(60, options.timeoutSeconds * 6) * 1000;
  const session = await openSession({ ...options, maxBody: MAX_TRUNK_INPUT_BYTES }, TRUNKS_PERMISSION);
  const first = pageUrl(session.api, 1);
  const out: FetchedPages = { url: first, pages: [] };
  let at: { url: string; pageNumber: number } | undefined = { url: first, pageNumber: 1 };
  let total = 0;
  while (at) {
    if (out.pages.length >= MAX_PAGES)
      throw new InputError(
        `--fetch: more than ${MAX_PAGES} pages of trunk base settings; save the listing to files and give them as INPUT`,
      );
    const left = (deadline - Date.now()) / 1000;
    if (left <= 0)
      throw new InputError(
        `--fetch: the trunk base settings did not arrive within ${Math.round(Math.max(60, options.timeoutSeconds * 6))} s`,
      );
    const res = await session.get(at.url, {
      timeoutSeconds: Math.min(options.timeoutSeconds, Math.ceil(left)),
      maxBody: MAX_TRUNK_INPUT_BYTES,
    });
    if (res.status !== 200) throw apiRefusal(res, at.url, TRUNKS_PERMISSION, session.scrub);
    total += res.body.length;
    if (total > MAX_TOTAL_BYTES)
      throw new InputError(`--fetch: the trunk base settings are larger than ${MAX_TOTAL_BYTES >> 20} MiB in all`);
    out.pages.push({ url: at.url, body: res.body });
    at = nextOf(res.body, session.api, at.pageNumber);
  }
  return out;
}

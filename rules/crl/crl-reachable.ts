/**
 * > "The certificate must not be revoked: the client checks the CRL published by the CA."
 * — Genesys BYOC Cloud TLS trunk specification, Certificate trust; RFC 5280 section 6.3.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget, plural } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import type { CrlFetch } from '../../src/model/crl.js';

const HOUR = 3_600_000;

function describe(f: CrlFetch): string {
  return `${f.url}: ${f.detail || f.outcome}`;
}

/** Failures of this machine's network rather than of the CRL server. */
const LOCAL: ReadonlySet<CrlFetch['outcome']> = new Set(['dns-error', 'no-route', 'proxy-error']);

/**
 * True when nothing got out: every download that was tried failed at DNS, routing or the proxy.
 * Then a DNS failure says more about this machine than about the CA; once any server answered,
 * a host that does not resolve is the CA's problem.
 */
function machineOffline(all: readonly CrlFetch[]): boolean {
  const tried = all.filter((f) => f.outcome !== 'unsupported-scheme');
  return tried.length > 0 && tried.every((f) => LOCAL.has(f.outcome));
}

function isLocal(f: CrlFetch, offline: boolean): boolean {
  return f.outcome === 'proxy-error' || (offline && LOCAL.has(f.outcome));
}

/** What to do about it, for the failures seen. */
function networkAdvice(failed: readonly CrlFetch[], proxyInUse: boolean): string {
  if (failed.some((f) => f.outcome === 'proxy-error' && f.httpStatus === 407)) {
    return proxyInUse
      ? 'Give the proxy credentials in HTTPS_PROXY / HTTP_PROXY (http://user:password@host:port), or run with --offline.'
      : 'This network only lets traffic out through a proxy: set HTTPS_PROXY / HTTP_PROXY (and NO_PROXY for local hosts), or run with --offline.';
  }
  if (failed.some((f) => f.outcome === 'proxy-error'))
    return 'Check HTTPS_PROXY / HTTP_PROXY (host, port, credentials) and NO_PROXY, or run with --offline.';
  return 'Behind a proxy, set HTTPS_PROXY / HTTP_PROXY (and NO_PROXY); without internet, run with --offline. If this machine does reach the internet, the CA publishes a CRL host that does not resolve: ask the CA.';
}

function cacheNote(f: CrlFetch): string {
  return `from cache (fetched at ${f.fetchedAt ?? 'an unknown time'}; nothing was downloaded now)`;
}

function staleBy(ms: number): string {
  return ms >= 48 * HOUR ? plural(Math.floor(ms / (24 * HOUR)), 'day') : plural(Math.max(1, Math.round(ms / HOUR)), 'hour');
}

export default defineRule({
  meta: {
    id: 'crl-reachable',
    area: 'crl',
    title: "Each certificate's CRL can be downloaded, is signed by its issuer and is current",
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust' },
      { source: 'RFC5280', section: '4.2.1.13, 5, 6.3' },
    ],
    remediation:
      'Make sure the CRL URLs in the certificates answer from the internet (your CA runs them), or ask your CA for a certificate with working distribution points. If this machine cannot get out, set HTTPS_PROXY / HTTP_PROXY or run with --offline.',
    docs: {
      what: "Fetches every http(s) CRL distribution point of the leaf and intermediates (through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY), verifies the CRL's signature with the issuer and its dates with the check time. When this machine cannot get out (no DNS, no route, proxy failure) it skips instead of failing.",
      why: "Genesys checks the CA's CRL when the SBC connects: an unreachable, wrongly signed or stale CRL breaks the trunk.",
    },
  },
  check({ crl, chain, now, offline }) {
    if (offline || !crl.attempted) {
      return [
        {
          status: 'skip',
          target: 'chain',
          message: offline ? '--offline: no CRL was fetched.' : 'No certificate on the path has a CRL distribution point to fetch.',
          evidence: { fetched: [] },
        },
      ];
    }
    const findings: Finding[] = [];
    const cutOff = machineOffline(crl.certificates.flatMap((c) => c.fetches));
    for (const facts of crl.certificates) {
      const entry = chain.path[facts.pathIndex]!;
      if (entry.role === 'root') continue;
      // A CRL the user gave with --crl stands for the download (not-revoked judges it).
      if (facts.fetches.some((f) => f.file)) continue;
      const target = pathTarget(facts.pathIndex);
      const fetched = facts.fetches.flatMap((f) => f.contacted);
      const evidence = {
        fetched,
        distributionPoints: facts.urls,
        results: facts.fetches.map(
          ({ url, outcome, detail, httpStatus, elapsedMs, thisUpdate, nextUpdate, bytes, fromCache, fetchedAt, via }) => ({
            url,
            outcome,
            detail,
            httpStatus,
            elapsedMs,
            thisUpdate,
            nextUpdate,
            bytes,
            fromCache,
            fetchedAt,
            via,
          }),
        ),
        ...(crl.proxy ? { proxy: crl.proxy } : {}),
      };
      const who = `the ${entry.role} "${entry.cert.subject}"`;
      if (facts.urls.length === 0) {
        findings.push({
          status: 'warn',
          target,
          evidence,
          message: `No CRL distribution point in ${who}: Genesys cannot check its revocation.`,
        });
        continue;
      }
      const verified = facts.fetches.filter((f) => f.outcome === 'ok');
      const current = verified.filter((f) => !f.nextUpdate || new Date(f.nextUpdate) >= now);
      const notYet = verified.filter((f) => f.thisUpdate && new Date(f.thisUpdate) > now);
      const failed = facts.fetches.filter((f) => f.outcome !== 'ok');
      const failures = failed.map(describe).join('; ');
      if (current.length && notYet.length === current.length) {
        findings.push({
          status: 'warn',
          target,
          evidence,
          message: `The CRL for ${who} is dated in the future (thisUpdate ${notYet[0]!.thisUpdate}); check the clocks.`,
        });
      } else if (current.length) {
        const others = failed.length ? ` Other distribution points failed: ${failures}.` : '';
        // A CRL from --cache-dir proves the CRL was good when fetched, not that the server answers today.
        const live = current.find((f) => !f.fromCache);
        const head = live
          ? `The CRL for ${who} answers${live.via ? ` (through the proxy ${live.via})` : ''}, is signed by its issuer and is current (next update ${live.nextUpdate ?? 'not given'}).`
          : `The CRL for ${who}, ${cacheNote(current[0]!)}, is signed by its issuer and is current (next update ${current[0]!.nextUpdate ?? 'not given'}); whether ${current[0]!.url} answers today was not checked.`;
        findings.push({ status: 'pass', target, evidence, message: `${head}${others}` });
      } else if (verified.length) {
        const next = new Date(verified[0]!.nextUpdate!);
        const cache = verified[0]!.fromCache ? ` (${cacheNote(verified[0]!)})` : '';
        findings.push({
          status: 'warn',
          target,
          evidence,
          message: `The CRL for ${who}${cache} is stale: its nextUpdate (${verified[0]!.nextUpdate}) passed ${staleBy(now.getTime() - next.getTime())} before the check time; Genesys may treat the certificate as unverifiable.`,
        });
      } else if (failed.some((f) => isLocal(f, cutOff)) && failed.every((f) => isLocal(f, cutOff) || f.outcome === 'unsupported-scheme')) {
        // This machine could not get out: that says nothing about the trunk, so it is not a failure.
        findings.push({
          status: 'skip',
          target,
          evidence: { ...evidence, reason: 'unreachable' },
          message: `This machine cannot reach the CRL server for ${who}, so it was not checked (not a trunk failure): ${failures}. ${networkAdvice(failed, crl.proxy !== undefined)}`,
          remediation: networkAdvice(failed, crl.proxy !== undefined),
        });
      } else if (failed.every((f) => f.outcome === 'unsupported-scheme')) {
        findings.push({
          status: 'warn',
          target,
          evidence,
          message: `The CRL for ${who} is only published at non-http(s) locations, which were not fetched: ${facts.urls.join(', ')}.`,
        });
      } else if (failed.every((f) => f.outcome === 'no-issuer' || f.outcome === 'unsupported-scheme')) {
        findings.push({
          status: 'warn',
          target,
          evidence,
          message: `The CRL for ${who} was downloaded, but its signature could not be checked: the issuer certificate is not on this machine.`,
        });
      } else {
        findings.push({ status: 'fail', target, evidence, message: `No usable CRL for ${who}: ${failures}.` });
      }
    }
    if (findings.length === 0)
      findings.push({
        status: 'skip',
        target: 'chain',
        message: crl.files?.length
          ? 'Every certificate below the root is covered by a --crl file (see not-revoked); nothing was downloaded for them.'
          : 'Only the root is on the path; roots are not revocation-checked.',
      });
    return findings;
  },
});

/**
 * vitest globalSetup for the 'server' project: starts one temporary
 * PostgreSQL cluster for the whole run and provides its URL to the tests as
 * `inject('pgUrl')` (null when PostgreSQL is not available locally).
 * Each test file should make its own database with createFreshDatabase().
 *
 * On CI (CI=true) PostgreSQL must run: failing to start it fails the run.
 * SHT_PG_DEBUG=1 prints what the cluster does, with timings, and full errors.
 */
import type { TestProject } from 'vitest/node';
import { startTempPostgres, tempPostgresUnavailableReason, type TempPostgres } from './pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test PostgreSQL database (sht_test), or null when tests needing it must skip. */
    pgUrl: string | null;
  }
}

function onCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const ci = onCi();
  const debug = process.env['SHT_PG_DEBUG'] === '1';
  const t0 = Date.now();

  let server: TempPostgres | null = null;
  let failure: string | null = null;
  try {
    server = await startTempPostgres(debug ? { log: (m) => console.log(`[pg +${Date.now() - t0}ms] ${m}`) } : {});
    if (server === null) failure = tempPostgresUnavailableReason() ?? 'unknown reason';
  } catch (err) {
    failure = err instanceof Error ? err.message : String(err);
  }

  if (server === null) {
    const why = failure ?? 'unknown reason';
    if (ci) throw new Error(`[pg] PostgreSQL could not be started, and on CI it must run: ${why}`);
    const firstLine = why.split('\n')[0] ?? why;
    const more = why.includes('\n') && !debug ? ' (SHT_PG_DEBUG=1 shows the details)' : '';
    console.warn(`[pg] PostgreSQL tests skipped — PostgreSQL not available: ${firstLine}${more}`);
    if (debug && why.includes('\n')) console.warn(why);
    project.provide('pgUrl', null);
    return async () => undefined;
  }

  project.provide('pgUrl', server.url);
  const running = server;
  return async () => {
    await running.stop();
  };
}

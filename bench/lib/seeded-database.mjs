// A fresh database for a benchmark: a temp data folder (and, for PostgreSQL, a temporary cluster
// stopped by the registered cleanups), migrated and demo-seeded by one start of the real server.
import { randomBytes } from 'node:crypto';
import { tsImport } from 'tsx/esm/api';
import { ownCleanup } from './cleanup.mjs';
import { serverEntry, startNodeServer, tempDir } from './server.mjs';

/**
 * @param {{ dialect: 'sqlite'|'postgres', log: (m: string) => void, tempPrefix: string }} opts
 * @returns {Promise<{ env: Record<string, string>, dataDir: string, password: string }>} the server env to reuse
 */
export async function seededDatabase({ dialect, log, tempPrefix }) {
  const password = `Bench${randomBytes(6).toString('hex')}9`;
  const dataDir = await tempDir(tempPrefix);
  const env = { DEMO_PASSWORD: password, SEED_DEMO: 'true', DATA_DIR: dataDir };
  if (dialect === 'postgres') {
    const { startTempPostgres, tempPostgresUnavailableReason } = await tsImport('../../apps/server/src/test/pg-cluster.ts', import.meta.url);
    log('starting a temporary PostgreSQL cluster …');
    const pgc = await startTempPostgres({ database: 'sht_bench', log: (m) => log(`  pg: ${m}`) });
    if (pgc === null) throw new Error(`PostgreSQL unavailable: ${tempPostgresUnavailableReason()}`);
    ownCleanup('stop PostgreSQL', () => pgc.stop());
    env.DATABASE_URL = pgc.url;
  }
  log(`migrating + seeding the demo data (${dialect}) …`);
  const first = await startNodeServer({ name: `server (${dialect}, seed)`, script: serverEntry, env });
  await first.stop();
  return { env, dataDir, password };
}

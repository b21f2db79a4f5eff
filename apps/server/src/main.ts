import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { generatePassword, seedDemo } from './db/seed/demo.js';
import { buildApp } from './app.js';
import { startSessionSweep } from './jobs/session-sweep.js';
import { startNotificationDispatch } from './jobs/notification-dispatch.js';
import { startSlaSweep } from './jobs/sla-sweep.js';
import { startCallbackSweep } from './jobs/callback-sweep.js';
import { notifySlaAlerts } from './modules/workorders/workorders.notify.js';
import { startSurveySweep } from './jobs/survey-sweep.js';
import { surveyLinks } from './modules/surveys/surveys.routes.js';

function printLogins(result: Awaited<ReturnType<typeof seedDemo>>, port: number, credentialsFile: string) {
  const lines = [
    '',
    '售后通 demo data created. Demo logins (all share one password):',
    `  password: ${result.password}`,
    ...result.logins.map((l) => `  ${l.username.padEnd(14)} ${l.name}  [${l.roles.join(', ')}]  ${l.org}`),
    `Saved to ${credentialsFile}. Open http://localhost:${port}`,
    '',
  ];
  console.log(lines.join('\n'));
}

async function main() {
  const config = loadConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const handle = openDatabase(config);
  await migrateToLatest(handle.db);

  const credentialsFile = path.join(config.dataDir, 'demo-logins.txt');
  let seed: Awaited<ReturnType<typeof seedDemo>> | undefined;
  if (config.seedDemo) {
    seed = await seedDemo(handle.db, config.demoPassword ?? generatePassword());
    if (seed.seeded) {
      const text = seed.logins.map((l) => `${l.username}\t${l.name}\t${l.roles.join(',')}\t${l.org}`).join('\n');
      fs.writeFileSync(credentialsFile, `password: ${seed.password}\n${text}\n`, { mode: 0o600 });
    }
  }

  const app = await buildApp({ db: handle.db, config });
  const sweep = startSessionSweep(handle.db, app.log);
  const n = config.notifications;
  const dispatch = startNotificationDispatch(handle.db, app.deps.channels, app.log, { everyMs: n.intervalSeconds * 1000, maxAttempts: n.maxAttempts });
  const slaSweep = startSlaSweep(handle.db, app.log, notifySlaAlerts);
  const callbackSweep = startCallbackSweep(handle.db, app.log);
  const surveySweep = startSurveySweep(handle.db, surveyLinks(config), app.log);
  await app.listen({ port: config.port, host: config.host });
  console.log(`售后通 is serving on http://localhost:${config.port} (${handle.dialect}${handle.dialect === 'sqlite' ? `, ${config.dataDir}` : ''})`);
  if (seed?.seeded) printLogins(seed, config.port, credentialsFile);
  else if (config.seedDemo) console.log(`Demo data already present; logins are in ${credentialsFile} (admin password set at first start).`);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    sweep.stop();
    slaSweep.stop();
    callbackSweep.stop();
    surveySweep.stop();
    await dispatch.stop();
    await app.close();
    await handle.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

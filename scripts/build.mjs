// Builds the domain package, the server and the web app when their sources are newer than the
// last build (or always with --force). Used by `npm start` and `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (['node_modules', 'dist'].includes(path.basename(p))) return;
      for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

function stampTime(file) {
  const p = path.join(root, file);
  return fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0;
}

function run(label, cmd, args, cwd = root) {
  const started = Date.now();
  process.stdout.write(`build: ${label} … `);
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  if (r.status !== 0) {
    console.log('failed');
    console.error(r.stdout, r.stderr);
    process.exit(r.status ?? 1);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const tsc = path.join(root, 'node_modules/.bin/tsc');
const vite = path.join(root, 'node_modules/.bin/vite');
const domainAndServer = ['packages/domain/src', 'packages/domain/tsconfig.json', 'apps/server/src', 'apps/server/tsconfig.json', 'tsconfig.base.json'];
const serverStamp = 'apps/server/dist/.build-stamp';
if (force || newestMtime(domainAndServer) > stampTime(serverStamp)) {
  run('domain + server (tsc -b)', tsc, ['-b', 'apps/server']);
  fs.writeFileSync(path.join(root, serverStamp), new Date().toISOString());
}
const web = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/public', 'packages/domain/src'];
const webStamp = 'apps/web/dist/.build-stamp';
if (fs.existsSync(path.join(root, 'apps/web/vite.config.ts')) && (force || newestMtime(web) > stampTime(webStamp))) {
  run('web (vite build)', vite, ['build', '--logLevel', 'warn'], path.join(root, 'apps/web'));
  fs.writeFileSync(path.join(root, webStamp), new Date().toISOString());
}

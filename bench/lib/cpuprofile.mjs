// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per package, so a
// benchmark can say where a slow case spends its CPU. Used with BENCH_CPU_PROF=1.
import { readFileSync } from 'node:fs';

function where(url) {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node';
  const m = /\/(apps|packages)\/([^/]+)\//.exec(url);
  if (m) return `${m[1]}/${m[2]}`;
  return url;
}

/** @returns {{ totalMs: number, byFunction: {name: string, ms: number, pct: number}[], byPackage: {name: string, ms: number, pct: number}[] }} */
export function summarizeCpuProfile(file, top = 15) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const deltas = prof.timeDeltas ?? [];
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  const fn = new Map();
  const pkg = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    const cf = n.callFrame;
    total += us;
    const file = cf.url ? cf.url.split('/').slice(-1)[0] : '';
    const key = `${cf.functionName || '(anonymous)'} ${file}${cf.url ? `:${cf.lineNumber + 1}` : ''} [${where(cf.url)}]`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const p = cf.url ? where(cf.url) : cf.functionName.startsWith('(') ? cf.functionName : '(native)';
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  const rank = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, pct: (100 * us) / total }));
  return { totalMs: total / 1000, byFunction: rank(fn), byPackage: rank(pkg) };
}

// CPU accounting from /proc, to tell a clean measurement from one taken on a busy machine:
// how many cores the whole machine, the server process, this process (the load generator) and
// our other descendants (e.g. PostgreSQL backends) used during a case, and what is left for
// "other processes" (anything not started by this benchmark). Linux only; elsewhere null.
import { readFileSync, readdirSync } from 'node:fs';

const HZ = 100; // USER_HZ: jiffies per second on Linux

function machineJiffies() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** @returns {Map<number, { ppid: number, cpu: number, comm: string }>} cpu = utime+stime in jiffies */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // rest[0] = state (field 3); ppid = field 4; utime = 14; stime = 15
      table.set(Number(name), { ppid: Number(rest[1]), cpu: Number(rest[11]) + Number(rest[12]), comm });
    } catch {
      // exited meanwhile
    }
  }
  return table;
}

function descendants(table, root) {
  const children = new Map();
  for (const [pid, p] of table) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  const out = new Set();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    for (const c of children.get(pid) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/** A snapshot; pass two of them to cpuUsage(). serverPid: the process under test (or null). */
export function cpuSnapshot(serverPid = null) {
  try {
    const table = processTable();
    const mine = descendants(table, process.pid);
    const sum = (pids) => [...pids].reduce((a, pid) => a + (table.get(pid)?.cpu ?? 0), 0);
    const server = serverPid !== null && table.has(serverPid) ? table.get(serverPid).cpu : 0;
    return {
      at: process.hrtime.bigint(),
      machine: machineJiffies(),
      self: table.get(process.pid)?.cpu ?? 0,
      server,
      // Descendants other than the server (e.g. the PostgreSQL postmaster and backends).
      helpers: sum(mine) - server,
      table,
      mine,
      serverPid,
    };
  } catch {
    return null;
  }
}

/** Cores used between two snapshots: { machine, server, loadgen, helpers, others }. */
export function cpuUsage(a, b) {
  if (!a || !b) return null;
  const seconds = Number(b.at - a.at) / 1e9;
  if (seconds <= 0) return null;
  const cores = (j) => Math.max(0, j / HZ / seconds);
  const machine = cores(b.machine.busy - a.machine.busy);
  const server = cores(b.server - a.server);
  const loadgen = cores(b.self - a.self);
  const helpers = cores(b.helpers - a.helpers);
  // The busiest processes that are not ours (present in both snapshots), by name.
  const byName = new Map();
  for (const [pid, p] of b.table) {
    if (pid === process.pid || pid === b.serverPid || b.mine.has(pid) || a.mine.has(pid)) continue;
    const before = a.table.get(pid);
    if (!before) continue;
    byName.set(p.comm, (byName.get(p.comm) ?? 0) + cores(p.cpu - before.cpu));
  }
  const top = [...byName.entries()].filter(([, c]) => c >= 0.05).sort((x, y) => y[1] - x[1]).slice(0, 4)
    .map(([name, c]) => ({ name, cores: c }));
  return { machine, server, loadgen, helpers, others: Math.max(0, machine - server - loadgen - helpers), top };
}

/** Cores used by processes other than ours over `ms` milliseconds, before a benchmark starts. */
export async function backgroundLoad(ms = 2000) {
  const a = cpuSnapshot();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuSnapshot();
  const u = cpuUsage(a, b);
  return u === null ? null : u.others + u.helpers;
}

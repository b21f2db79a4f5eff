// Machine description and result files shared by every benchmark.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './server.mjs';

export const resultsDir = path.join(repoRoot, 'bench/results');

function nproc() {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return String(os.availableParallelism());
  }
}

function cpuModel() {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) return m[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function totalMemory() {
  try {
    const m = /^MemTotal:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/meminfo', 'utf8'));
    if (m) return `${(Number(m[1]) / 1024 / 1024).toFixed(1)} GiB`;
  } catch {
    // not Linux
  }
  return `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`;
}

/** { key: value } lines describing where a benchmark ran. `extra` adds entries (e.g. database versions). */
export function machineInfo(extra = {}) {
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: nproc(),
    cpu: cpuModel(),
    memory: totalMemory(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    ...extra,
  };
}

export function formatMachine(info) {
  return Object.entries(info)
    .map(([k, v]) => `- ${k}: ${v}`)
    .join('\n');
}

/** Writes bench/results/<name>-latest.md and returns its path. */
export async function writeResult(name, markdown) {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}-latest.md`);
  await writeFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return file;
}

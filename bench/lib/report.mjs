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

/**
 * The common end of a benchmark: write `markdown` to results/<name>-latest.md, print the machine
 * and the tables, and set the exit code — errors or non-2xx always fail; a missed goal fails
 * only with BENCH_STRICT=1.
 */
export async function finishBenchmark({ name, machine, markdown, tables, fatal, errors, missed }) {
  const strict = process.env.BENCH_STRICT === '1';
  const file = await writeResult(name, markdown);
  console.log('');
  console.log(formatMachine(machine));
  for (const t of tables) {
    console.log('');
    console.log(t);
  }
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
  if (fatal) {
    console.error(fatal instanceof Error ? fatal.stack : fatal);
    process.exitCode = 1;
  } else if (errors > 0) {
    console.error(`${name} benchmark FAILED: errors or non-2xx responses.`);
    process.exitCode = 1;
  } else if (missed > 0) {
    console.error(`${name} benchmark: ${missed} case(s) missed the goal${strict ? '' : ' (exit 0; BENCH_STRICT=1 makes that exit 1)'}.`);
    if (strict) process.exitCode = 1;
  }
}

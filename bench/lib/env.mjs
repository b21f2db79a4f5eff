// Knobs of the benchmarks, read from the environment with their ranges checked: a typo stops the
// run at once instead of measuring something else.

/** A number from the environment, or the default; outside [min, max] it is an error. */
export function envNumber(name, dflt, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return dflt;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new Error(`${name} must be a number in [${min}, ${max}], got ${raw}`);
  return v;
}

/** BENCH_DIALECTS: `sqlite,postgres` by default; `none` skips the database cases. */
export function benchDialects() {
  const list = (process.env.BENCH_DIALECTS || 'sqlite,postgres').split(',').map((s) => s.trim()).filter((s) => s && s !== 'none');
  for (const d of list) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_DIALECTS: unknown dialect ${d} (sqlite, postgres or none)`);
  return list;
}

/**
 * Runs one benchmark per dialect: a failing dialect is logged and the others still run; every
 * cleanup (servers, PostgreSQL clusters, temp dirs) runs after each dialect. Returns the first error.
 */
export async function runPerDialect(dialects, benchDialect, log, runCleanups) {
  let fatal = null;
  try {
    for (const d of dialects) {
      try {
        await benchDialect(d);
      } catch (err) {
        fatal ??= err;
        log(`${d} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      }
      await runCleanups(); // stop this dialect's servers and remove its data before the next
    }
  } finally {
    await runCleanups();
  }
  return fatal;
}

// One place that knows what a benchmark has started, so that everything is stopped again:
// on normal completion (runCleanups() from a finally block), on SIGINT/SIGTERM/SIGHUP, on an
// uncaught error, and — as a last resort when the process exits without any of those — by a
// synchronous SIGKILL of every child pid still registered.

/** @type {{ name: string, fn: () => Promise<void> | void }[]} */
const tasks = [];
/** Child pids still alive, killed synchronously on 'exit' if nobody stopped them. */
const livePids = new Set();
let running = null;
let installed = false;

/** Registers an async cleanup step; steps run last-registered first. Returns an unregister function. */
export function onCleanup(name, fn) {
  const task = { name, fn };
  tasks.push(task);
  return () => {
    const i = tasks.indexOf(task);
    if (i >= 0) tasks.splice(i, 1);
  };
}

export function trackPid(pid) {
  livePids.add(pid);
}

export function untrackPid(pid) {
  livePids.delete(pid);
}

/** Runs (once at a time) every registered step, newest first; failures are reported, not thrown. */
export function runCleanups({ verbose = false } = {}) {
  running ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks.pop();
      if (verbose) console.error(`cleanup: ${task.name}`);
      try {
        await task.fn();
      } catch (err) {
        console.error(`cleanup "${task.name}" failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

/** Installs the signal / exit handlers (idempotent). */
export function installCleanupHandlers() {
  if (installed) return;
  installed = true;
  const onSignal = (signal, code) => {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping servers and databases …`);
      // A second signal while cleaning up gives up on it, but not a duplicate of the first one
      // (a terminal's Ctrl-C reaches the whole process group, and a runner may forward it too).
      const first = Date.now();
      process.on(signal, () => {
        if (Date.now() - first > 1000) process.exit(code);
      });
      void runCleanups({ verbose: true }).finally(() => process.exit(code));
    });
  };
  onSignal('SIGINT', 130);
  onSignal('SIGTERM', 143);
  onSignal('SIGHUP', 129);
  process.on('uncaughtException', (err) => {
    console.error(err);
    void runCleanups().finally(() => process.exit(1));
  });
  process.on('unhandledRejection', (err) => {
    console.error(err);
    void runCleanups().finally(() => process.exit(1));
  });
  process.on('exit', () => {
    for (const pid of livePids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/**
 * Registers `fn` as a cleanup step and returns a function that runs it now (once) and
 * unregisters it — for resources that should go away before the benchmark ends.
 */
export function ownCleanup(name, fn) {
  let done = null;
  const runNow = () => {
    done ??= (async () => {
      unregister();
      await fn();
    })();
    return done;
  };
  const unregister = onCleanup(name, runNow);
  return runNow;
}

// The processing thread's own Relais: the job workers and the periodic scheduler on a
// separate database connection, publishing into the main thread's bus (processing-thread.ts).
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createPortBus } from './realtime/index.ts';
import { isDatabaseUnavailable } from './store/index.ts';
import { createRelais } from './main.ts';
import type { ProcessingThreadData } from './processing-thread.ts';

const data = workerData as ProcessingThreadData;

/**
 * Webhook acknowledgements go first when the CPU is short: this thread runs a few steps of
 * niceness below the HTTP thread (Linux sets a thread's priority by its own id), so a burst is
 * acknowledged at full speed and processed in the cycles left. Its transactions commit as soon
 * as the HTTP thread waits for the write lock, so the lower priority never holds that thread up
 * for more than one delivery. Elsewhere (no /proc, not permitted) it keeps the process's priority.
 */
const PROCESSING_NICENESS = 5; // steps above the process's own niceness (at most 19)
function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, Math.min(19, getPriority(threadId) + PROCESSING_NICENESS));
  } catch {
    // Not Linux, or not allowed: same priority as the HTTP thread.
  }
}
lowerThreadPriority();
const relais = await createRelais(data.config, {
  role: 'worker',
  ...(data.busPort ? { bus: createPortBus(data.busPort, data.busEpoch) } : {}),
  ...(data.threadLockMemory ? { threadLockMemory: data.threadLockMemory } : {}),
});
// A database that went away is an outage the next query survives; anything else ends the thread.
const carryOnIfOutage = (error: unknown) => {
  if (isDatabaseUnavailable(error)) return relais.logger.warn({ err: error }, 'database connection lost; carrying on');
  throw error;
};
process.on('unhandledRejection', carryOnIfOutage);
await relais.listen();
parentPort!.on('message', (message) => {
  if (message !== 'stop') return;
  void relais.close().then(() => process.exit(0));
});
parentPort!.postMessage({ ready: true });

// The processing thread's own Relais: the job workers and the periodic scheduler on a
// separate database connection, publishing into the main thread's bus (processing-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { createPortBus } from './realtime/index.ts';
import { isDatabaseUnavailable } from './store/index.ts';
import { createRelais } from './main.ts';
import type { ProcessingThreadData } from './processing-thread.ts';

const data = workerData as ProcessingThreadData;
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

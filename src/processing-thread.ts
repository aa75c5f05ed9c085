/**
 * The embedded default (`relais start`) answers HTTP on the main thread and runs the job
 * workers on a worker thread with its own database connection (SQLite's WAL lets the two
 * write in turn), so a slow job never delays a webhook's acknowledgement. Realtime events
 * published by the jobs cross the thread's message port into the main thread's bus, where
 * the sockets listen. See ARCHITECTURE.md, process model.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import type { Config, Logger } from './kernel/index.ts';
import { serveBusOverPort, type Bus } from './realtime/index.ts';

export interface ProcessingThread {
  /** Stops the workers (running jobs finish) and ends the thread. */
  stop(): Promise<void>;
}

export interface ProcessingThreadData {
  config: Config;
  busPort: import('node:worker_threads').MessagePort | undefined;
  busEpoch: string;
  threadLockMemory: SharedArrayBuffer | undefined;
}

const entry = new URL('./processing-thread-entry.ts', import.meta.url).href;
// Source is TypeScript run through tsx: the thread registers the loader before the entry.
const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;

/**
 * Starts the processing thread and resolves once its workers run. A thread that dies of an
 * error takes the process down with it (logged), as an uncaught error in one process would.
 */
export function startProcessingThread(config: Config, bus: Bus, logger: Logger, threadLockMemory?: SharedArrayBuffer): Promise<ProcessingThread> {
  // With Redis the bus already crosses processes; only the in-memory bus needs the port.
  const channel = bus.driver === 'memory' ? new MessageChannel() : undefined;
  if (channel) serveBusOverPort(channel.port1, bus);
  const data: ProcessingThreadData = { config, busPort: channel?.port2, busEpoch: bus.epoch, threadLockMemory };
  const worker = new Worker(boot, { eval: true, workerData: data, transferList: channel ? [channel.port2] : [] });
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { ready?: true; error?: string }) => {
      if (message.error) return reject(new Error(`the processing thread did not start: ${message.error}`));
      resolve({
        async stop() {
          stopping = true;
          worker.postMessage('stop');
          await exited;
          channel?.port1.close();
        },
      });
    });
    worker.on('error', (error) => {
      logger.fatal({ err: error }, 'the processing thread failed');
      reject(error);
    });
    void exited.then(() => {
      if (stopping) return;
      logger.fatal('the processing thread ended; stopping');
      // No jobs would run any more: better a restart by the supervisor than a half server.
      process.exit(1);
    });
  });
}

import { fork } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Runs a bench file in its own thread, through tsx (workers do not inherit the loader), so
 * load generation does not share the server's event loop. The file talks over parentPort.
 */
export function spawnWorker(file: string, workerData: unknown): Worker {
  const entry = new URL(file, import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Runs a bench file in a process of its own (through tsx), its job in `BENCH_JOB`, its answer
 * over IPC: the load then takes no memory of the measured process, whose RSS is Relais's own.
 */
export function spawnProcess(file: string, job: unknown): EventEmitter {
  return fork(fileURLToPath(new URL(file, import.meta.url)), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_JOB: JSON.stringify(job) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** The next message the worker (thread or process) posts, or its error. */
export function nextMessage<T>(worker: Pick<EventEmitter, 'once' | 'off'>): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (message: T) => {
      worker.off('error', onError);
      resolve(message);
    });
  });
}

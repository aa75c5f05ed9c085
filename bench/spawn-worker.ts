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

/** The next message the worker posts (or its error). */
export function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (message: T) => {
      worker.off('error', onError);
      resolve(message);
    });
  });
}

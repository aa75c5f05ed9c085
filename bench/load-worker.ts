// Runs one load in its own thread, so the client does not share an event loop with the server.
import { parentPort, workerData } from 'node:worker_threads';
import { load } from './load.ts';

const { label, url, options } = workerData as { label: string; url: string; options: Parameters<typeof load>[2] };
parentPort!.postMessage(await load(label, url, options));

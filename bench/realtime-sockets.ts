// Holds the agents' WebSockets in its own thread and notes when each `message.created` lands.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { wallClock, type SocketsJob, type SocketsMessage } from './realtime-events.ts';

const job = workerData as SocketsJob;
const received = job.cookies.map(() => [] as [string, number][]);
let closed = 0;
const post = (message: SocketsMessage) => parentPort!.postMessage(message);

const sockets = await Promise.all(job.cookies.map((cookie, i) => new Promise<WebSocket>((resolve, reject) => {
  const socket = new WebSocket(job.url, { headers: { cookie, origin: job.origin } });
  socket.on('message', (raw: Buffer) => {
    const at = wallClock();
    // Every client parses every frame, as a browser tab would.
    const message = JSON.parse(raw.toString('utf8')) as { type: string; epoch?: string; seq?: number; event?: { type: string; data: { messageId: string } } };
    if (message.type === 'hello') {
      // Start at the hello's sequence and say so: the server opens the live stream at once.
      socket.send(JSON.stringify({ type: 'resume', epoch: message.epoch, seq: message.seq }));
      resolve(socket);
    }
    else if (message.type === 'event' && message.event?.type === 'message.created') received[i]!.push([message.event.data.messageId, at]);
  });
  socket.once('unexpected-response', (_request, response) => reject(new Error(`socket ${i}: HTTP ${response.statusCode}`)));
  socket.once('error', reject);
  socket.once('close', () => { closed++; });
})));

post({ type: 'ready' });
parentPort!.on('message', (command: 'collect' | 'close') => {
  if (command === 'collect') post({ type: 'collected', received: received.map((list) => list.splice(0)), closed });
  else for (const socket of sockets) socket.terminate();
});

import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The baseline for `bench:realtime`: node:http takes the same webhook POSTs, answers 200,
 * and a plain `ws` server broadcasts one event per message to every client. No signature
 * check, storage, job or pipeline: what is left is the floor of the machine.
 */
export async function startPlainBroadcast(): Promise<{ url: string; close(): Promise<void> }> {
  const clients = new Set<WebSocket>();
  let seq = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { entry: { messaging?: { message: { mid: string } }[]; changes?: { value: { comment_id: string } }[] }[] };
      for (const entry of body.entry) {
        const ids = [...(entry.messaging ?? []).map((m) => m.message.mid), ...(entry.changes ?? []).map((c) => c.value.comment_id)];
        for (const messageId of ids) {
          const frame = JSON.stringify({ type: 'event', event: { seq: ++seq, epoch: 'plain', type: 'message.created', data: { conversationId: 'c', messageId, direction: 'in' }, at: Date.now() } });
          for (const client of clients) client.send(frame);
        }
      }
    });
  });
  const sockets = new WebSocketServer({ server, path: '/api/v1/realtime' });
  sockets.on('connection', (client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.send(JSON.stringify({ type: 'hello', epoch: 'plain', seq }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    close: () => new Promise((resolve) => {
      for (const client of clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

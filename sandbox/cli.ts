/**
 * `relais sandbox --port P --relais URL [--meta-app-secret S --meta-verify-token T]`: the
 * simulator as its own process for the demo, seeded with a shop, driven by its control API.
 */
import { parseArgs } from 'node:util';
import { seedMetaDemo } from './meta/seed-demo.ts';
import { startSandbox } from './start-sandbox.ts';

export interface SandboxCliIo {
  print?: (line: string) => void;
  /** Stops the sandbox (besides SIGINT and SIGTERM). */
  signal?: AbortSignal;
}

// Meta retries "immediately, then a few more times with decreasing frequency" (PLATFORMS §1.3).
const demoRetrySchedule = [0, 10_000, 60_000, 300_000, 1_800_000];

/** Starts the sandbox and resolves once it has been stopped. */
export async function runSandboxCli(argv: string[], io: SandboxCliIo = {}): Promise<void> {
  const print = io.print ?? ((line: string) => console.log(line));
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, relais: { type: 'string' },
      'meta-app-secret': { type: 'string' }, 'meta-verify-token': { type: 'string' }, 'meta-app-id': { type: 'string' },
    },
  });
  const port = Number(values.port ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, not "${values.port}"`);
  const relaisUrl = values.relais ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const sandbox = await startSandbox({
    port, host: values.host, relaisUrl,
    meta: {
      appSecret: values['meta-app-secret'] ?? process.env.RELAIS_META_APP_SECRET ?? 'sandbox-app-secret',
      verifyToken: values['meta-verify-token'] ?? process.env.RELAIS_META_VERIFY_TOKEN ?? 'sandbox-verify-token',
      appId: values['meta-app-id'], retrySchedule: demoRetrySchedule,
    },
  });
  const { meta } = sandbox;
  const demo = seedMetaDemo(meta);
  for (const line of [
    `Relais sandbox running at ${sandbox.url}`,
    `  Meta Graph API base  ${meta.graphUrl}`,
    `  Webhooks to          ${meta.webhookUrl}`,
    `  App                  id ${meta.appId}, secret ${meta.appSecret}, verify token ${meta.verifyToken}`,
    `  Page                 ${demo.page.name}: id ${demo.page.id}, token ${demo.page.accessToken}`,
    `  Instagram            @${demo.page.instagramUsername}: id ${demo.page.instagramId}`,
    `  Customers            ${demo.camille.name} ${demo.camille.id}, ${demo.lea.name} (@${demo.lea.username}) ${demo.lea.id}`,
    `  Post                 ${demo.post.id}`,
    `  Instagram media      ${demo.media.id}`,
    `Try: curl -X POST ${sandbox.url}/_sandbox/meta/comment -H 'content-type: application/json' \\`,
    `       -d '{"postId":"${demo.post.id}","from":"${demo.camille.id}","message":"Livrez-vous en Belgique ?"}'`,
    `     curl ${sandbox.url}/_sandbox/meta/log`,
  ]) print(line);

  await stopped(io.signal);
  await sandbox.close();
}

function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
}

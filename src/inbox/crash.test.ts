import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addChannel } from '../channels/index.ts';
import { meta, signedMetaRequest } from '../channels/testing.ts';
import { createSealer, systemClock } from '../kernel/index.ts';
import { openStore } from '../store/index.ts';
import { waitFor } from '../jobs/testing.ts';
import { freePort, spawnRelais } from '../http/testing.ts';

const bin = fileURLToPath(new URL('../../bin/relais.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'relais-crash-'));
const SECRET = 'crash-test-meta-secret';
const PAGE = '1000000000000777';
const env = { ...process.env, RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', RELAIS_META_APP_SECRET: SECRET, HOST: '127.0.0.1' } as Record<string, string>;
delete env.DATABASE_URL;

const startRelais = (command: 'serve' | 'start', port: number) => spawnRelais(command, env, port);

// An accepted event survives a crash: the process dies right after the 200, before any
// processing, and the message appears once Relais is back.
describe('crash between acknowledgement and processing', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the acknowledged delivery and processes it after a restart', async () => {
    expect(spawnSync(process.execPath, [bin, 'setup', '--workspace', 'Boutique', '--email', 'lea@example.com', '--password', 'correct horse battery'], { env, encoding: 'utf8' }).status).toBe(0);
    const store = openStore({ kind: 'sqlite', file: join(dataDir, 'relais.sqlite') });
    const workspace = await store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    await addChannel({ db: store.db, clock: systemClock, sealer: createSealer(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim()) }, {
      workspaceId: workspace.id, kind: 'meta', name: 'Page', externalId: PAGE, accountIds: [PAGE], apiBase: 'http://127.0.0.1:9', credentials: { pageToken: 'x' },
    });
    await store.close();
    const token = spawnSync(process.execPath, [bin, 'token', 'create', '--workspace', 'Boutique', '--name', 'test'], { env, encoding: 'utf8' }).stdout.trim();

    // `serve` answers webhooks but runs no jobs: what it acknowledges is only stored.
    const port = await freePort();
    const serve = await startRelais('serve', port);
    children.push(serve);
    const { body, headers } = signedMetaRequest(meta.page(meta.message(PAGE, { psid: '4242', mid: 'm_survivor', text: 'Je suis là après la panne ⚡', at: Date.now() })), SECRET);
    const ack = await fetch(`http://127.0.0.1:${port}/hooks/meta`, { method: 'POST', body, headers });
    expect(ack.status).toBe(200);
    serve.kill('SIGKILL');
    await new Promise((resolve) => serve.once('exit', resolve));

    const restartedPort = await freePort();
    children.push(await startRelais('start', restartedPort));
    let texts: string[] = [];
    await waitFor(async () => {
      const response = await fetch(`http://127.0.0.1:${restartedPort}/api/v1/conversations`, { headers: { authorization: `Bearer ${token}` } });
      texts = ((await response.json()) as { conversations: { lastMessage: { text: string } }[] }).conversations.map((c) => c.lastMessage.text);
      return texts.length > 0;
    }, 15_000, 'the message to appear after the restart');
    expect(texts).toEqual(['Je suis là après la panne ⚡']);
  }, 60_000);
});

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/testing.ts';
import { freshDemoDir } from './data-dir.ts';
import { runDemo, type Demo } from './index.ts';

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Signs in over real HTTP with the printed credentials, keeping cookies as a browser does. */
async function signIn(base: string, credentials: { email: string; password: string }): Promise<Call> {
  const jar = new Map<string, string>();
  const call: Call = async (method, path, body) => {
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && jar.has('relais_csrf')) headers['x-csrf-token'] = jar.get('relais_csrf')!;
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0]!;
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  await call('GET', '/api/v1/session');
  const signedIn = await call('POST', '/api/v1/auth/sign-in', credentials);
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body)}`);
  return call;
}

describe('relais demo', () => {
  let dir: string;
  let demo: Demo;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-demo-'));
    demo = await runDemo({ port: 0, dataDir: dir, speed: 100, print: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the Maison Lune inbox, and a reply typed by an agent reaches the sandbox', async () => {
    expect(lines.some((line) => line.includes(demo.credentials.email) && line.includes(demo.credentials.password))).toBe(true);
    const agent = await signIn(demo.url, demo.credentials);
    expect((await agent('GET', '/api/v1/me')).body).toMatchObject({ workspace: { name: 'Maison Lune' }, role: 'owner' });
    expect((await agent('GET', '/api/v1/members')).body.members).toHaveLength(4);
    expect((await agent('GET', '/api/v1/labels')).body.labels.map((l: any) => l.name).sort()).toEqual(['Livraison', 'Retour', 'SAV', 'Spam', 'Taille']);
    expect((await agent('GET', '/api/v1/canned-replies')).body.cannedReplies.some((r: any) => r.body.includes('{{contact.first_name}}') && r.body.includes('{{agent.first_name}}'))).toBe(true);

    const open = async () => (await agent('GET', '/api/v1/conversations?view=open')).body.conversations as any[];
    await waitFor(async () => (await open()).length >= 6, 10_000, 'a handful of conversations');
    const thread = (await open()).find((c) => c.kind === 'private' && c.contact?.name === 'Camille Martin');
    expect(thread).toBeDefined();
    const text = 'Bonjour Camille, votre colis part aujourd’hui 📦';
    const reply = await agent('POST', `/api/v1/conversations/${thread.id}/messages`, { text, visibility: 'private', idempotencyKey: 'demo-reply-camille-1' });
    expect(reply.status).toBe(201);
    await waitFor(() => demo.sandbox.meta.sent.some((s) => s.text === text), 10_000, 'the reply in the sandbox');
    expect(demo.sandbox.meta.sent.find((s) => s.text === text)).toMatchObject({ platform: 'messenger', recipientId: '6100000000000001' });
  });

  it('plays the whole day: events, teammates at work, an edited and a removed comment', async () => {
    await demo.played;
    await waitFor(() => lines.some((line) => line.startsWith('◀ Sandbox received for Léa Dubois (Instagram DM)')), 5000, 'Sarah’s reply');
    expect(lines.filter((line) => line.startsWith('⚠'))).toEqual([]);
    expect(lines).toContain('▶ Instagram DM from Léa: Dispo en 38 ? La robe Céleste 😍');
    expect(lines.some((line) => line.startsWith('▶ Facebook comment from James: Hi! Do you ship to Belgium?'))).toBe(true);
    expect(lines.some((line) => line.startsWith('▶ Manon edited a Facebook comment'))).toBe(true);
    const mine = await demo.relais.store.db.selectFrom('conversations').select('id').where('assignee_id', '=', (eb) => eb.selectFrom('users').select('id').where('email', '=', demo.credentials.email)).execute();
    expect(mine).toHaveLength(3); // "Mine" is not empty for the newcomer
    const statuses = await demo.relais.store.db.selectFrom('messages').select(['text', 'status', 'edited_at']).where('kind', '=', 'comment').execute();
    expect(statuses.find((m) => m.text.startsWith('Quelqu’un sait'))?.status).toBe('deleted');
    expect(statuses.find((m) => m.text.startsWith('Commande passée samedi, reçue'))?.edited_at).not.toBeNull();
  });

  it('wipes only a data dir the demo made itself', () => {
    const mine = freshDemoDir(join(dir, 'again'));
    writeFileSync(join(mine, 'relais.sqlite'), 'stale');
    expect(readdirSync(freshDemoDir(mine))).toEqual(['.relais-demo']);
    const real = join(dir, 'real-data');
    mkdirSync(real);
    writeFileSync(join(real, 'relais.sqlite'), 'precious');
    expect(() => freshDemoDir(real)).toThrow(/refusing to wipe/);
    expect(readdirSync(real)).toEqual(['relais.sqlite']);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store.ts';
import { createThreadLockMemory, threadLock } from './thread-lock.ts';

// `relais start`: two connections on one SQLite file (the HTTP thread's and the processing
// thread's), taking turns at writing through the shared lock. Both sides live in this one
// thread here; what matters is which statement waits for the other's transaction.
describe('the lock the two threads of relais start share', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-lock-'));
  const file = join(dir, 'relais.sqlite');
  const memory = createThreadLockMemory();
  let http: Store;
  let processing: Store;
  const now = Date.UTC(2026, 11, 7, 9);

  beforeAll(async () => {
    http = openStore({ kind: 'sqlite', file }, { threadLock: threadLock(memory, { first: true }) });
    await http.migrate();
    processing = openStore({ kind: 'sqlite', file }, { threadLock: threadLock(memory, { first: false }), checkpoints: false });
    await http.db.insertInto('workspaces').values({ id: 'ws_lock', name: 'Boutique', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
  });
  afterAll(async () => {
    await processing?.close();
    await http?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs a transaction on `store` that holds its turn until `release` is called. */
  function holdTurn(store: Store): { release(): void; done: Promise<void>; begun: Promise<void> } {
    let release!: () => void;
    let begun!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const started = new Promise<void>((resolve) => { begun = resolve; });
    const done = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('workspaces').values({ id: `ws_${Math.random().toString(36).slice(2)}`, name: 'Autre', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
      begun();
      await held;
    });
    return { release, done, begun: started };
  }

  const settledWithin = async (promise: Promise<unknown>, ms: number) => {
    const timeout = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), ms));
    return Promise.race([promise.then(() => 'settled' as const), timeout]);
  };

  it('lets a read go on while the other thread holds a write transaction', async () => {
    const turn = holdTurn(processing);
    await turn.begun;
    const read = http.db.selectFrom('workspaces').select('name').where('id', '=', 'ws_lock').executeTakeFirst();
    expect(await settledWithin(read, 500)).toBe('settled');
    expect(await read).toEqual({ name: 'Boutique' });
    turn.release();
    await turn.done;
  });

  it('makes a write wait for the other thread to end its transaction, then writes it', async () => {
    const turn = holdTurn(http);
    await turn.begun;
    const write = processing.db.updateTable('workspaces').set({ name: 'Boutique Lyon' }).where('id', '=', 'ws_lock').execute();
    expect(await settledWithin(write, 300)).toBe('waiting');
    turn.release();
    await turn.done;
    await write;
    expect(await http.db.selectFrom('workspaces').select('name').where('id', '=', 'ws_lock').executeTakeFirst()).toEqual({ name: 'Boutique Lyon' });
  });

  it('gives the turn back when a transaction fails, so the next write goes through', async () => {
    await expect(processing.db.transaction().execute(async (trx) => {
      await trx.insertInto('workspaces').values({ id: 'ws_lock', name: 'Doublon', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
    })).rejects.toThrow();
    const write = http.db.updateTable('workspaces').set({ name: 'Boutique Nantes' }).where('id', '=', 'ws_lock').execute();
    expect(await settledWithin(write, 500)).toBe('settled');
  });
});

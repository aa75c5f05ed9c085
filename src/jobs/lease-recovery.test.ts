import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import { testDialects } from '../store/testing.ts';
import { createQueueHarness, dropStore, sleep, waitFor } from './testing.ts';
import { createPgBossQueue, createSqliteQueue } from './index.ts';

const child = fileURLToPath(new URL('./lease-child.ts', import.meta.url));
const dialects = await testDialects();
// Short leases keep the suite quick; the default (30 s, renewed every 10 s) is measured in the ADR.
const LEASE_MS = 2000;

function startWorker(target: string, mode: 'hang' | 'finish'): { process: ChildProcess; output: () => string } {
  const worker = spawn(process.execPath, ['--import', 'tsx', child, target, mode, String(LEASE_MS)], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } });
  let output = '';
  worker.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  worker.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  return { process: worker, output: () => output };
}

describe.each(dialects)('a job held by a killed worker on %s', (dialect) => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const worker of children) worker.kill('SIGKILL');
  });

  it('runs again within seconds of a restart, and its effect happens once', async () => {
    const harness = await createQueueHarness(dialect);
    try {
      const db = harness.store.db;
      await sql`create table lease_effects (job_key text primary key, done_at ${sql.raw(dialect === 'postgres' ? 'bigint' : 'integer')} not null)`.execute(db);
      const target = dialect === 'postgres' ? harness.store.url! : harness.store.target.kind === 'sqlite' ? harness.store.target.file : '';
      // On pg-boss the lease is the job's expiry, written when it is enqueued.
      const enqueuer = dialect === 'postgres'
        ? createPgBossQueue({ connectionString: target, leaseSeconds: LEASE_MS / 1000 })
        : createSqliteQueue({ db });
      await enqueuer.enqueue('lease.test', { key: 'reply-42' }, { backoffMs: 1000 });
      await enqueuer.stop();

      const doomed = startWorker(target, 'hang');
      children.push(doomed.process);
      await waitFor(() => doomed.output().includes('taken reply-42 attempt 1'), 30_000, 'the first worker to take the job');
      doomed.process.kill('SIGKILL');
      await new Promise((resolve) => doomed.process.once('exit', resolve));

      const restartedAt = Date.now();
      const survivor = startWorker(target, 'finish');
      children.push(survivor.process);
      await waitFor(() => survivor.output().includes('done reply-42'), 60_000, `the job to finish after the restart: ${survivor.output()}`);
      const recoveredMs = Date.now() - restartedAt;
      console.log(`[lease ${dialect}] lease ${LEASE_MS} ms: the killed worker's job finished ${recoveredMs} ms after the restart`);
      expect(recoveredMs).toBeLessThan(60_000);
      await sleep(LEASE_MS + 500); // long enough for a wrong second run to show
      const effects = await sql<{ job_key: string }>`select job_key from lease_effects`.execute(db);
      expect(effects.rows.map((row) => row.job_key)).toEqual(['reply-42']);
      expect(survivor.output().match(/done reply-42/g)).toHaveLength(1);
      survivor.process.kill('SIGKILL');
    } finally {
      await harness.closeAll();
      await dropStore(harness.store);
    }
  }, 90_000);
});

describe('a live worker keeps its lease', () => {
  it('renews it while a job runs longer than the lease, so no other worker takes the job', async () => {
    const harness = await createQueueHarness('sqlite');
    try {
      const other = harness.store.target.kind === 'sqlite' ? openStore(harness.store.target) : undefined;
      const runs: string[] = [];
      const slow = createSqliteQueue({ db: harness.store.db, pollIntervalMs: 20, lockMs: 300 });
      const rival = createSqliteQueue({ db: other!.db, pollIntervalMs: 20, lockMs: 300 });
      const handler = (name: string) => async () => { runs.push(name); await sleep(1200); };
      slow.work('lease.slow', handler('slow'));
      await slow.enqueue('lease.slow', { n: 1 });
      await slow.start();
      await waitFor(() => runs.length === 1, 3000, 'the job to start');
      rival.work('lease.slow', handler('rival'));
      await rival.start();
      await sleep(1500);
      expect(runs).toEqual(['slow']);
      await slow.stop();
      await rival.stop();
      await other!.close();
      const row = await harness.store.db.selectFrom('jobs').select(['state', 'attempts']).where('queue', '=', 'lease.slow').executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'done', attempts: 1 });
    } finally {
      await harness.closeAll();
      await dropStore(harness.store);
    }
  });
});

describe.runIf(dialects.includes('postgres'))('pg-boss and a job longer than the lease', () => {
  it('holds the job for the queue\'s maxRunMs instead of failing it at the lease', async () => {
    const harness = await createQueueHarness('postgres');
    const queue = createPgBossQueue({ connectionString: harness.store.url!, pollIntervalSeconds: 0.5, leaseSeconds: 1, maintenanceIntervalSeconds: 1 });
    try {
      const runs: number[] = [];
      let finished = 0;
      queue.work('lease.long', async (_payload, job) => { runs.push(job.attempt); await sleep(2500); finished += 1; }, { maxRunMs: 10_000 });
      await queue.start();
      await queue.enqueue('lease.long', { n: 1 }, { backoffMs: 0 });
      await waitFor(() => finished === 1, 20_000, 'the long job to finish');
      await sleep(1500);
      expect(runs).toEqual([1]);
      expect(await queue.listDead()).toEqual([]);
    } finally {
      await queue.stop();
      await harness.closeAll();
      await dropStore(harness.store);
    }
  }, 60_000);
});

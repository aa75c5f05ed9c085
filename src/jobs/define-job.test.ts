import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, definePeriodicJob, enqueueJob, jobType, registerJobs } from './index.ts';
import { testDialects } from '../store/testing.ts';
import { createQueueHarness, dropStore, waitFor, type QueueHarness } from './testing.ts';

const dialects = await testDialects();

// Typed jobs on both queues: a payload is checked when enqueued and when run; one that does
// not fit its schema never reaches the handler and is left dead at once (no retry can mend
// it), with a reason that says so.
describe.each(dialects)('typed job definitions on %s', (dialect) => {
  let harness: QueueHarness;
  beforeAll(async () => { harness = await createQueueHarness(dialect); });
  afterAll(async () => { await harness.closeAll(); await dropStore(harness?.store); });

  it('runs a well-formed payload, refuses a malformed one at enqueue, and parks one that slipped in as dead at once with its reason', async () => {
    const queue = harness.openQueue();
    const seen: { workspaceId: string; conversationId: string }[] = [];
    const assignType = jobType(`test-assign-${randomUUID().slice(0, 8)}`, z.strictObject({ workspaceId: z.string().min(1), conversationId: z.string().min(1) }));
    const assign = defineJob({ ...assignType, handler: async (payload) => { seen.push(payload); } });
    registerJobs(queue, [assign]);
    await queue.start();

    await enqueueJob(queue, assignType, { workspaceId: 'w1', conversationId: 'c1' });
    await waitFor(() => seen.length === 1, 10_000, 'the well-formed job');
    expect(seen).toEqual([{ workspaceId: 'w1', conversationId: 'c1' }]);

    await expect(enqueueJob(queue, assignType, { workspaceId: 'w1' } as never)).rejects.toMatchObject({ code: 'job.invalid_payload' });

    // Written by an older version, or by hand: the queue takes it, the definition refuses it.
    // Five attempts allowed, a long backoff: only parking it at once makes it dead in time.
    const id = await queue.enqueue(assign.name, { workspaceId: 'w1', conversationId: 42 }, { maxAttempts: 5, backoffMs: 60_000 });
    await waitFor(async () => (await queue.listDead({ queue: assign.name })).length === 1, 10_000, 'the malformed job dead');
    const [dead] = await queue.listDead({ queue: assign.name });
    expect(dead).toMatchObject({ id, attempts: 1 });
    expect(dead!.lastError).toContain(`Malformed ${assign.name} payload`);
    expect(dead!.lastError).toContain('conversationId');
    expect(seen).toHaveLength(1);
  });

  it('hands a batch definition its jobs together where the queue can (one at a time elsewhere), and parks a malformed one alone', async () => {
    const queue = harness.openQueue();
    const noteType = jobType(`test-note-${randomUUID().slice(0, 8)}`, z.strictObject({ n: z.number() }));
    const calls: number[][] = [];
    const note = defineJob({
      ...noteType,
      handler: async ({ n }) => { calls.push([n]); },
      batch: { size: 8, handler: async (jobs) => { calls.push(jobs.map(({ payload }) => payload.n)); return jobs.map(() => ({ status: 'fulfilled', value: undefined })); } },
    });
    registerJobs(queue, [note]);
    for (let n = 1; n <= 3; n++) {
      await enqueueJob(queue, noteType, { n });
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const bad = await queue.enqueue(note.name, { n: 'quatre' }, { maxAttempts: 5, backoffMs: 60_000 });
    await queue.start();
    await waitFor(() => calls.flat().length === 3, 10_000, 'the three well-formed jobs');
    await waitFor(async () => (await queue.listDead({ queue: note.name })).length === 1, 10_000, 'the malformed job dead');
    expect(calls).toEqual(queue.workBatch ? [[1, 2, 3]] : [[1], [2], [3]]);
    expect(queue.workBatch !== undefined).toBe(dialect === 'postgres');
    expect((await queue.listDead({ queue: note.name }))[0]).toMatchObject({ id: bad, attempts: 1 });
  });
});

describe('registerJobs', () => {
  it('answers the periodic jobs for the scheduler and refuses a name defined twice', () => {
    const registered: string[] = [];
    const queue = { work: (name: string) => { registered.push(name); } } as never;
    const once = definePeriodicJob({ name: 'test.sweep', everyMs: 60_000, handler: async () => {} });
    const plain = defineJob({ ...jobType('test.plain', z.object({ id: z.string() })), handler: async () => {} });
    expect(registerJobs(queue, [once, plain])).toEqual([{ queue: 'test.sweep', everyMs: 60_000 }]);
    expect(registered).toEqual(['test.sweep', 'test.plain']);
    expect(() => registerJobs(queue, [plain, plain])).toThrow('test.plain is defined twice');
  });
});

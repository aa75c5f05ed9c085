import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, enqueueJob, registerJobs } from './index.ts';
import { createQueueHarness, dropStore, waitFor, type QueueHarness } from './testing.ts';

// Typed jobs on the embedded queue: a payload is checked when enqueued and when run; one that
// does not fit its schema never reaches the handler and is left dead with a reason that says so.
describe('typed job definitions', () => {
  let harness: QueueHarness;
  beforeAll(async () => { harness = await createQueueHarness('sqlite'); });
  afterAll(async () => { await harness.closeAll(); await dropStore(harness?.store); });

  it('runs a well-formed payload, refuses a malformed one at enqueue, and parks one that slipped in as dead with its reason', async () => {
    const queue = harness.openQueue();
    const seen: { workspaceId: string; conversationId: string }[] = [];
    const assign = defineJob({
      name: `test-assign-${randomUUID().slice(0, 8)}`,
      schema: z.strictObject({ workspaceId: z.string().min(1), conversationId: z.string().min(1) }),
      handler: async (payload) => { seen.push(payload); },
    });
    registerJobs(queue, [assign]);
    await queue.start();

    await enqueueJob(queue, assign, { workspaceId: 'w1', conversationId: 'c1' });
    await waitFor(() => seen.length === 1, 5000, 'the well-formed job');
    expect(seen).toEqual([{ workspaceId: 'w1', conversationId: 'c1' }]);

    await expect(enqueueJob(queue, assign, { workspaceId: 'w1' } as never)).rejects.toMatchObject({ code: 'job.invalid_payload' });

    // Written by an older version, or by hand: the queue takes it, the definition refuses it.
    const id = await queue.enqueue(assign.name, { workspaceId: 'w1', conversationId: 42 }, { maxAttempts: 1 });
    await waitFor(async () => (await queue.listDead({ queue: assign.name })).length === 1, 5000, 'the malformed job dead');
    const [dead] = await queue.listDead({ queue: assign.name });
    expect(dead).toMatchObject({ id, attempts: 1 });
    expect(dead!.lastError).toContain(`Malformed ${assign.name} payload`);
    expect(dead!.lastError).toContain('conversationId');
    expect(seen).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../jobs/testing.ts';
import { testDialects } from '../../store/testing.ts';
import { SLA_MONITOR_QUEUE } from '../sla-monitor.ts';
import { startMetaHarness, type MetaHarness } from '../testing.ts';
import { rulesKit } from './rules-harness.ts';

const dialects = await testDialects();

// The whole chain as the composition root wires it: the SLA monitor sees a Messenger
// conversation go past its 1 h promise, and the escalation rule on `sla_breached` acts.
describe.each(dialects)('SLA escalation through rules (%s)', (dialect) => {
  let h: MetaHarness;
  const kit = rulesKit(() => h);

  beforeAll(async () => { h = await startMetaHarness(dialect); }, 30_000);
  afterAll(async () => { await h?.dispose(); });

  it('raises the priority and notifies the admins once the first response is late, and only once', async () => {
    await kit.rule({ name: 'Retard', event: 'sla_breached', actions: [{ type: 'set_priority', priority: 3 }, { type: 'notify', to: { kind: 'admins' } }] });
    const messageId = await kit.dm('psid-escalation', 'Bonjour, où en est ma commande ?');
    const before = await kit.conversationOf(messageId);
    const db = h.relais.store.db;

    h.relais.clock.advance(90 * 60_000);
    await h.relais.queue.enqueue(SLA_MONITOR_QUEUE, {});
    await waitFor(async () => (await kit.conversationOf(messageId)).priority === 3, 10_000, 'the escalation rule to raise the priority');
    const firings = await db.selectFrom('rule_firings').select(['rule_name', 'event']).where('conversation_id', '=', before.id).where('event', '=', 'sla_breached').execute();
    expect(firings).toEqual([{ rule_name: 'Retard', event: 'sla_breached' }]);
    await waitFor(async () => (await db.selectFrom('notifications').select('id').where('conversation_id', '=', before.id).execute()).length === 1, 10_000, 'the owner to be notified');

    // Another round of the monitor announces nothing new.
    await h.relais.queue.enqueue(SLA_MONITOR_QUEUE, {});
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db.selectFrom('rule_firings').select('rule_name').where('conversation_id', '=', before.id).where('event', '=', 'sla_breached').execute()).toHaveLength(1);
  }, 30_000);

  it('tells the rules again when the process died before recording the transition, and they act only once', async () => {
    await kit.clearRules();
    await kit.rule({ name: 'Retard bis', event: 'sla_breached', actions: [{ type: 'notify', to: { kind: 'admins' } }] });
    const messageId = await kit.dm('psid-escalation-crash', 'Toujours rien reçu…');
    const conversation = await kit.conversationOf(messageId);
    const db = h.relais.store.db;
    const escalations = () => db.selectFrom('sla_escalations').select('event').where('conversation_id', '=', conversation.id).where('event', '=', 'sla_breached').execute();
    const notifications = () => db.selectFrom('notifications').select('id').where('conversation_id', '=', conversation.id).execute();

    h.relais.clock.advance(90 * 60_000);
    await h.relais.queue.enqueue(SLA_MONITOR_QUEUE, {});
    await waitFor(async () => (await escalations()).length === 1 && (await notifications()).length === 1, 10_000, 'the first escalation');
    // As if the process had died after the rules ran but before the transition was written.
    await db.deleteFrom('sla_escalations').where('conversation_id', '=', conversation.id).execute();
    await h.relais.queue.enqueue(SLA_MONITOR_QUEUE, {});
    await waitFor(async () => (await escalations()).length === 1, 10_000, 'the transition to be recorded again');
    expect(await notifications()).toHaveLength(1);
    expect(await db.selectFrom('rule_firings').select('id').where('conversation_id', '=', conversation.id).where('rule_name', '=', 'Retard bis').execute()).toHaveLength(1);
  }, 30_000);
});

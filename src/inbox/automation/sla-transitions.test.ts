import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../store/testing.ts';
import { monitorSla, type OnSlaEvent } from '../sla-monitor.ts';
import { startMetaHarness, type MetaHarness } from '../testing.ts';
import { rulesKit } from './rules-harness.ts';
import { runRulesForEvent } from './run-rules.ts';

const dialects = await testDialects();
const DAY = 24 * 60 * 60_000;

// Each SLA transition is its own rules event: a late first response and, days later, a
// missed resolution on the same unanswered message escalate twice, and each only once.
describe.each(dialects)('SLA transitions as rules events (%s)', (dialect) => {
  let h: MetaHarness;
  const kit = rulesKit(() => h);

  beforeAll(async () => { h = await startMetaHarness(dialect); }, 30_000);
  afterAll(async () => { await h?.dispose(); });

  it('escalates the missed resolution after the late first response', async () => {
    await kit.rule({ name: 'Retard', event: 'sla_breached', actions: [{ type: 'notify', to: { kind: 'admins' } }] });
    const messageId = await kit.dm('psid-two-breaches', 'Toujours pas de nouvelles de ma commande');
    const conversation = await kit.conversationOf(messageId);
    // The monitor is driven by hand below, wired as the composition root wires it.
    await h.relais.queue.stop();
    const deps = h.relais.inbox;
    const onSlaEvent: OnSlaEvent = (workspaceId, conversationId, event, transition) =>
      runRulesForEvent(deps, { workspaceId, event, conversationId, eventKey: transition?.eventKey });
    const db = h.relais.store.db;
    const breaches = () => db.selectFrom('rule_firings').select(['event_key', 'completed_at']).where('conversation_id', '=', conversation.id).where('event', '=', 'sla_breached').execute();
    const notified = async () => (await db.selectFrom('notifications').select('id').where('conversation_id', '=', conversation.id).execute()).length;

    h.relais.clock.advance(90 * 60_000);
    await monitorSla(deps, onSlaEvent);
    expect(await breaches()).toHaveLength(1);
    expect(await notified()).toBe(1);

    h.relais.clock.advance(10 * DAY);
    await monitorSla(deps, onSlaEvent);
    await monitorSla(deps, onSlaEvent);
    const firings = await breaches();
    expect(firings).toHaveLength(2);
    expect(firings.every((f) => f.completed_at !== null)).toBe(true);
    expect(await notified()).toBe(2);
  }, 30_000);
});

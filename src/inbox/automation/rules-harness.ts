/**
 * Test support for automation: a Meta harness plus helpers to save rules through the API,
 * post customer messages and comments, and wait for the `rules.run` job to finish.
 */
import { meta } from '../../channels/testing.ts';
import { waitFor } from '../../jobs/testing.ts';
import type { RuleFiringsTable } from '../../store/index.ts';
import { PAGE_ID, type MetaHarness } from '../testing.ts';

/** Monday 2026-11-23, 10:00 in Paris: open under the default hours (the harness clock). */
export const MONDAY_10H = Date.UTC(2026, 10, 23, 9, 0);
/** Sunday 2026-11-22, 20:00 in Paris: closed. */
export const SUNDAY_20H = Date.UTC(2026, 10, 22, 19, 0);

let seq = 0;

export function rulesKit(h: () => MetaHarness) {
  const db = () => h().relais.store.db;
  const kit = {
    async label(name: string): Promise<string> {
      const reply = await h().owner.post('/api/v1/labels', { name, color: '#1f6feb' });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
      return reply.body.id;
    },
    async canned(shortcut: string, body: string): Promise<string> {
      const reply = await h().owner.post('/api/v1/canned-replies', { shortcut, title: shortcut, body });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
      return reply.body.id;
    },
    async rule(draft: Record<string, unknown>): Promise<any> {
      const reply = await h().owner.post('/api/v1/rules', { event: 'message_received', conditions: [], stop: false, ...draft });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
      return reply.body;
    },
    async clearRules(): Promise<void> {
      for (const rule of (await h().owner.get('/api/v1/rules')).body.rules) await h().owner.delete(`/api/v1/rules/${rule.id}`);
    },
    /** Posts a Messenger message and returns its stored id once processed. */
    async dm(psid: string, text: string, at = MONDAY_10H): Promise<string> {
      const mid = `m_rules_${++seq}`;
      await h().post(meta.page(meta.message(PAGE_ID, { psid, mid, text, at })));
      return kit.stored(mid);
    },
    /** Posts a top-level Facebook comment and returns its stored id once processed. */
    async comment(from: string, text: string, at = MONDAY_10H): Promise<string> {
      const commentId = `${PAGE_ID}_post_${++seq}`;
      await h().post(meta.page(meta.comment(PAGE_ID, { commentId, postId: `${PAGE_ID}_77`, from: { id: from, name: `Client ${from}` }, message: text, at })));
      return kit.stored(commentId);
    },
    async stored(externalId: string): Promise<string> {
      await h().settle();
      const row = await db().selectFrom('messages').select('id').where('external_id', '=', externalId).executeTakeFirstOrThrow();
      return row.id;
    },
    /** Waits for the rules job of a message to have finished: a sentinel rule at the end always fires. */
    async firings(messageId: string, sentinel = 'Sentinelle'): Promise<RuleFiringsTable[]> {
      let rows: RuleFiringsTable[] = [];
      await waitFor(async () => {
        rows = await db().selectFrom('rule_firings').selectAll().where('message_id', '=', messageId).orderBy('event_key').orderBy('position').execute();
        return rows.some((r) => r.rule_name === sentinel) && rows.every((r) => r.completed_at !== null);
      }, 10_000, 'the rules to run');
      return rows.filter((r) => r.rule_name !== sentinel);
    },
    async conversationOf(messageId: string) {
      const { conversation_id } = await db().selectFrom('messages').select('conversation_id').where('id', '=', messageId).executeTakeFirstOrThrow();
      return db().selectFrom('conversations').selectAll().where('id', '=', conversation_id).executeTakeFirstOrThrow();
    },
  };
  return kit;
}

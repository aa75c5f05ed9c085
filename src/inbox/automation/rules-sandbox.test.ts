import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts';
import { addChannel, metaProvider } from '../../channels/index.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../../http/testing.ts';
import { waitFor } from '../../jobs/testing.ts';

const SECRET = 'rules-sandbox-secret';
const PAGE = '1000000000000077';
const TOKEN = 'PAGE_TOKEN_77_abcdef';

// Relais and the Meta sandbox over real HTTP: rules and the workspace's charter hide on the platform.
describe('rules and the charter against the Meta sandbox', () => {
  let relais: TestRelais;
  let sandbox: Sandbox;
  let owner: Browser;

  beforeEach(async () => {
    relais = await startTestRelais('sqlite', { RELAIS_META_APP_SECRET: SECRET });
    const url = await relais.listen();
    sandbox = await startSandbox({ relaisUrl: url, clock: relais.clock, meta: { appSecret: SECRET, retrySchedule: [0, 100] } });
    sandbox.meta.addPage({ id: PAGE, name: 'Maison Lune', accessToken: TOKEN });
    sandbox.meta.addUser({ id: '6100', name: 'Camille Martin' });
    sandbox.meta.addUser({ id: '6200', name: 'Léo Petit' });
    sandbox.meta.addPost({ id: `${PAGE}_55`, pageId: PAGE, message: 'Nouvelle collection', permalinkUrl: 'https://facebook.com/maisonlune/posts/55' });
    owner = await setUpOwner(relais.app);
    const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id;
    const spec = await metaProvider.connect({ 'page-id': PAGE, 'page-token': TOKEN, 'api-base': sandbox.meta.graphUrl });
    await addChannel({ db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer }, { workspaceId, kind: 'meta', ...spec, settings: { ...spec.settings, requestTimeoutMs: 400 } });
  });
  afterEach(async () => {
    await sandbox?.close();
    await relais?.dispose();
  });

  const hidden = (count: number) => waitFor(async () => (await relais.store.db.selectFrom('moderation_log').select('id').execute()).length >= count, 8000, 'the hides');
  const register = async () => (await owner.get('/api/v1/moderation')).body.entries as any[];
  const messageOf = async (text: string) => {
    const conversations = (await owner.get('/api/v1/conversations')).body.conversations as any[];
    for (const c of conversations) {
      const found = (await owner.get(`/api/v1/conversations/${c.id}`)).body.messages.find((m: any) => m.text === text);
      if (found) return found;
    }
    throw new Error(`no message "${text}"`);
  };

  it("hides by rule on the platform; the register and the message say \"rule 'Insultes' v2\"", async () => {
    const rule = (await owner.post('/api/v1/rules', { name: 'Insults', event: 'message_received', conditions: [{ type: 'text_contains', terms: ['escroc'] }], actions: [{ type: 'hide_comment' }] })).body;
    await owner.patch(`/api/v1/rules/${rule.id}`, { name: 'Insultes', event: 'message_received', conditions: [{ type: 'text_contains', terms: ['escroc', 'escrocs'] }], actions: [{ type: 'hide_comment' }] });
    const { commentId } = await sandbox.meta.comment({ postId: `${PAGE}_55`, from: '6100', message: 'Bande d’ESCROCS' });
    await hidden(1);
    expect(sandbox.meta.hidden.map((h) => [h.commentId, h.hidden])).toEqual([[commentId, true]]);
    expect((await register()).map((e) => [e.action, e.actorType, e.reason])).toEqual([['hide', 'rule', "rule 'Insultes' v2"]]);
    await waitFor(async () => (await messageOf('Bande d’ESCROCS')).meta.rules?.length === 1, 5000, 'the trail');
    const message = await messageOf('Bande d’ESCROCS');
    expect(message.status).toBe('hidden');
    expect(message.meta.rules).toMatchObject([{ ruleName: 'Insultes', version: 2, outcomes: [{ type: 'hide_comment', status: 'done' }] }]);
  });

  it('checks the next comment against the charter version just saved', async () => {
    const charter = (await owner.get('/api/v1/charter')).body;
    const clauses = charter.clauses.map((c: any) => (c.id === 'concurrence' ? { ...c, detection: { keywords: ['Bijoux Discount'] }, action: 'hide' } : c));
    expect((await owner.request('PUT', '/api/v1/charter', { clauses })).body.version).toBe(2);
    await sandbox.meta.comment({ postId: `${PAGE}_55`, from: '6100', message: 'Moins cher chez bijoux discount !' });
    await sandbox.meta.comment({ postId: `${PAGE}_55`, from: '6200', message: 'Appelez-moi au 06 12 34 56 78' });
    await hidden(2);
    expect((await register()).map((e) => e.clause).sort()).toEqual(['concurrence@v2', 'donnees-personnelles@v2']);
    expect(sandbox.meta.hidden).toHaveLength(2);
    // The phone number was the customer's own: the charter proposes a private reply saying the hide protects them.
    expect((await messageOf('Appelez-moi au 06 12 34 56 78')).meta.charter.proposedReply).toMatch(/votre numéro de téléphone\. Nous l’avons fait pour vous protéger/);
    expect((await messageOf('Moins cher chez bijoux discount !')).meta.charter.proposedReply).toBeUndefined();
  });
});

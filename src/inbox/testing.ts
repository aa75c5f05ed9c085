/**
 * Test support for the inbox: a Relais with a connected Meta channel, and helpers that post
 * signed deliveries and wait until the pipeline has processed them.
 */
import { addChannel, type ChannelProvider } from '../channels/index.ts';
import { signedMetaRequest } from '../channels/testing.ts';
import { startTestRelais, setUpOwner, type Browser, type TestRelais } from '../http/testing.ts';
import type { TestDialect } from '../store/testing.ts';
import { waitFor } from '../jobs/testing.ts';

export const META_SECRET = 'meta-app-secret-for-tests';
export const PAGE_ID = '1000000000000001';
export const IG_ID = '17841400000000001';

export interface MetaHarness {
  relais: TestRelais;
  owner: Browser;
  workspaceId: string;
  channelId: string;
  post(payload: unknown): Promise<{ status: number; body: any }>;
  /** Posts each payload as one delivery (each must be acknowledged); answers their stored ids in arrival order. */
  record(payloads: unknown[]): Promise<string[]>;
  /** Waits until every stored delivery is processed or parked. */
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startMetaHarness(dialect: TestDialect, options: { apiBase?: string; startWorkers?: boolean; providers?: ChannelProvider[] } = {}): Promise<MetaHarness> {
  const relais = await startTestRelais(dialect, { RELAIS_META_APP_SECRET: META_SECRET, RELAIS_META_VERIFY_TOKEN: 'verify-me' }, { providers: options.providers });
  const owner = await setUpOwner(relais.app);
  const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id as string;
  const channelId = await addChannel({ db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer }, {
    workspaceId, kind: 'meta', name: 'Boutique Léa (Facebook, Instagram)', externalId: PAGE_ID, accountIds: [PAGE_ID, IG_ID],
    apiBase: options.apiBase ?? 'http://127.0.0.1:9/v19.0', credentials: { pageToken: 'page-token' }, settings: { instagramId: IG_ID },
  });
  if (options.startWorkers !== false) await relais.queue.start();
  const post = async (payload: unknown) => {
    const { body, headers } = signedMetaRequest(payload, META_SECRET);
    const response = await relais.app.inject({ method: 'POST', url: '/hooks/meta', payload: body, headers });
    return { status: response.statusCode, body: response.json() };
  };
  return {
    relais, owner, workspaceId, channelId, post,
    async record(payloads) {
      const ids: string[] = [];
      for (const payload of payloads) {
        const { status } = await post(payload);
        if (status !== 200) throw new Error(`delivery answered ${status}, not 200`);
        ids.push((await relais.store.db.selectFrom('inbound_events').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id);
      }
      return ids;
    },
    async settle() {
      await waitFor(async () => {
        const pending = await relais.store.db.selectFrom('inbound_events').select('id').where('status', '=', 'received').execute();
        return pending.length === 0;
      }, 15_000, 'the deliveries to be processed');
    },
    dispose: () => relais.dispose(),
  };
}

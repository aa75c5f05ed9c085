import type { Db } from '../store/index.ts';
import type { ChannelRef } from './contacts.ts';

/** A message as ingestion looks it up by its platform id. */
export interface KnownMessage {
  id: string;
  conversation_id: string;
  text: string;
  status: 'visible' | 'hidden' | 'deleted';
  platform_updated_at: number | null;
}

/** A customer's identity on a channel. */
export interface KnownIdentity {
  contact_id: string;
  display_name: string | null;
  handle: string | null;
}

/** A conversation as found by its thread key. */
export interface KnownThread {
  id: string;
  contact_id: string | null;
}

/** What one transaction of deliveries will look up, per channel: message ids, customers' ids, private threads' keys. */
export interface WantedRows {
  messages: Set<string>;
  identities: Set<string>;
  threads: Set<string>;
}

type Kind = keyof WantedRows;
type Row = { messages: KnownMessage; identities: KnownIdentity; threads: KnownThread };

/** Look-ups of `in` lists are padded to these sizes, so a handful of statement texts are ever prepared. */
const LIST_SIZES = [1, 2, 4, 8, 16, 32, 64];

/**
 * The rows a transaction of deliveries reads by platform id, read up front in one statement per
 * kind and channel instead of one per delivery (on PostgreSQL a round trip each, the most of
 * processing's cost on a small machine: ADR 0028). What the transaction writes is noted here
 * as it goes, so a later delivery of the same transaction sees it; a key not read up front, or
 * changed in a way not noted, is looked up in the database as before (`forget`).
 */
export class KnownRows {
  private readonly rows = new Map<string, Map<string, unknown | null>>();

  constructor(private readonly db: Db) {}

  /** Reads every wanted key of a channel; a key not found is known to be absent. */
  async load(channel: ChannelRef, wanted: WantedRows): Promise<void> {
    const scope = { workspaceId: channel.workspaceId, channelId: channel.channelId };
    for (const kind of ['messages', 'identities', 'threads'] as const) {
      const keys = [...wanted[kind]];
      for (let start = 0; start < keys.length; start += 64) {
        const chunk = padded(keys.slice(start, start + 64));
        const found = await this.read(kind, scope, chunk);
        const known = this.known(kind, channel);
        for (const key of chunk) if (!known.has(key)) known.set(key, null);
        for (const [key, row] of found) known.set(key, row);
      }
    }
  }

  /** The row read up front or noted since (undefined: none), or `miss` when this key is not known here. */
  get<K extends Kind>(kind: K, channel: ChannelRef, key: string): Row[K] | undefined | typeof miss {
    const value = this.known(kind, channel).get(key);
    return value === undefined ? miss : (value as Row[K] | null) ?? undefined;
  }

  /** Notes a row this transaction wrote (or its new state). */
  note<K extends Kind>(kind: K, channel: ChannelRef, key: string, row: Row[K]): void {
    this.known(kind, channel).set(key, row);
  }

  /** A change not noted: the key is looked up in the database from now on. */
  forget(kind: Kind, channel: ChannelRef, key: string): void {
    this.known(kind, channel).delete(key);
  }

  private known(kind: Kind, channel: ChannelRef): Map<string, unknown | null> {
    const name = `${kind}\n${channel.workspaceId}\n${channel.channelId}`;
    let known = this.rows.get(name);
    if (!known) this.rows.set(name, (known = new Map()));
    return known;
  }

  private async read(kind: Kind, scope: { workspaceId: string; channelId: string }, keys: string[]): Promise<[string, unknown][]> {
    const { workspaceId, channelId } = scope;
    switch (kind) {
      case 'messages': {
        const rows = await this.db.selectFrom('messages').select(['external_id', 'id', 'conversation_id', 'text', 'status', 'platform_updated_at'])
          .where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('external_id', 'in', keys).execute();
        return rows.map(({ external_id, ...row }) => [external_id!, row]);
      }
      case 'identities': {
        const rows = await this.db.selectFrom('identities').select(['external_id', 'contact_id', 'display_name', 'handle'])
          .where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('external_id', 'in', keys).execute();
        return rows.map(({ external_id, ...row }) => [external_id, row]);
      }
      case 'threads': {
        const rows = await this.db.selectFrom('conversations').select(['external_thread_id', 'id', 'contact_id'])
          .where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('external_thread_id', 'in', keys).execute();
        return rows.map(({ external_thread_id, ...row }) => [external_thread_id!, row]);
      }
    }
  }
}

/** Answered by `KnownRows.get` for a key it does not know: look it up in the database. */
export const miss = Symbol('not known here');

/** The keys, the last repeated up to the next size of `LIST_SIZES` (a repeat in an `in` list changes nothing). */
function padded(keys: string[]): string[] {
  const size = LIST_SIZES.find((candidate) => candidate >= keys.length) ?? keys.length;
  return keys.length === size ? keys : [...keys, ...Array.from({ length: size - keys.length }, () => keys[keys.length - 1]!)];
}

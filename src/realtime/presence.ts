/**
 * Who is looking at which conversation, and who is typing, per workspace. Each process sets
 * and removes the entries of the sockets it holds; `list` answers for the whole installation
 * (the Redis driver shares entries between processes, each with an expiry that the holding
 * process keeps pushing back, so a dead process's agents drop out on their own).
 */
export interface PresenceEntry {
  userId: string;
  name: string;
  conversationId: string | null;
  typing: boolean;
}

export interface Presence {
  set(workspaceId: string, socketId: string, entry: PresenceEntry): Promise<PresenceEntry[]>;
  remove(workspaceId: string, socketId: string): Promise<PresenceEntry[]>;
  list(workspaceId: string): Promise<PresenceEntry[]>;
  /** Pushes back the expiry of this process's entries (and writes them again after an outage). */
  refresh(): Promise<void>;
  /** How often the holder should call `refresh` and look for entries that expired elsewhere. */
  readonly refreshMs: number;
}

/** One process: a map per workspace. */
export function createPresence(): Presence {
  const byWorkspace = new Map<string, Map<string, PresenceEntry>>();
  const list = (workspaceId: string) => [...(byWorkspace.get(workspaceId)?.values() ?? [])];
  return {
    async set(workspaceId, socketId, entry) {
      const sockets = byWorkspace.get(workspaceId) ?? new Map<string, PresenceEntry>();
      byWorkspace.set(workspaceId, sockets);
      sockets.set(socketId, entry);
      return list(workspaceId);
    },
    async remove(workspaceId, socketId) {
      const sockets = byWorkspace.get(workspaceId);
      sockets?.delete(socketId);
      if (sockets?.size === 0) byWorkspace.delete(workspaceId);
      return list(workspaceId);
    },
    async list(workspaceId) {
      return list(workspaceId);
    },
    async refresh() {},
    refreshMs: 0,
  };
}

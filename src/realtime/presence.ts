/**
 * Who is looking at which conversation, and who is typing, per workspace. Kept by the
 * process that holds the sockets; the bus carries the result to every tab.
 */
export interface PresenceEntry {
  userId: string;
  name: string;
  conversationId: string | null;
  typing: boolean;
}

export interface Presence {
  set(workspaceId: string, socketId: string, entry: PresenceEntry): PresenceEntry[];
  remove(workspaceId: string, socketId: string): PresenceEntry[];
  list(workspaceId: string): PresenceEntry[];
}

export function createPresence(): Presence {
  const byWorkspace = new Map<string, Map<string, PresenceEntry>>();
  const list = (workspaceId: string) => [...(byWorkspace.get(workspaceId)?.values() ?? [])];
  return {
    set(workspaceId, socketId, entry) {
      const sockets = byWorkspace.get(workspaceId) ?? new Map<string, PresenceEntry>();
      byWorkspace.set(workspaceId, sockets);
      sockets.set(socketId, entry);
      return list(workspaceId);
    },
    remove(workspaceId, socketId) {
      byWorkspace.get(workspaceId)?.delete(socketId);
      return list(workspaceId);
    },
    list,
  };
}

import { loadChannelContext } from '../channels/index.ts';
import { applyProfile } from './contacts.ts';
import { publishAll, type InboxDeps } from './deps.ts';

export interface ProfileJob {
  workspaceId: string;
  channelId: string;
  externalId: string;
  surface: string;
}

/** Asks the platform for the name a payload did not carry (Messenger and DMs never do). */
export async function fetchProfile(deps: InboxDeps, job: ProfileJob): Promise<void> {
  const channel = await loadChannelContext(deps, job.workspaceId, job.channelId);
  const provider = deps.channels.require(channel.kind);
  if (!provider.profile || channel.status !== 'active') return;
  const profile = await provider.profile(channel, job.surface, job.externalId);
  if (!profile) return;
  const contactId = await applyProfile(deps.db, job, job.externalId, profile, deps.clock.now());
  if (contactId) await publishAll(deps.bus, [{ workspaceId: job.workspaceId, type: 'contact.updated', data: { contactId } }]);
}

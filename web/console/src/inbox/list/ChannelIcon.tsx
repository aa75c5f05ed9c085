import type { ConversationSummary } from '../../../../../src/contracts/index.ts';

export type Surface = 'facebook' | 'instagram' | 'messenger' | 'x' | 'webchat' | 'other';

const surfaces: readonly Surface[] = ['facebook', 'instagram', 'messenger', 'x', 'webchat'];

const isSurface = (value: string): value is Surface => (surfaces as readonly string[]).includes(value);

/**
 * Which network a conversation lives on: the summary's `surface`. A server that does not
 * know it yet answers the channel kind (`meta` covers Facebook, Instagram and Messenger), so
 * a Meta comment then reads as Facebook and a Meta DM as Messenger.
 */
export function surfaceOf(conversation: Pick<ConversationSummary, 'surface' | 'channel' | 'kind'>): Surface {
  if (isSurface(conversation.surface)) return conversation.surface;
  const kind = conversation.channel.kind;
  if (isSurface(kind)) return kind;
  if (kind === 'meta') return conversation.kind === 'public' ? 'facebook' : 'messenger';
  return 'other';
}

const paths: Record<Surface, string> = {
  facebook: 'M13.5 21v-7.2h2.4l.4-2.8h-2.8V9.3c0-.8.2-1.4 1.4-1.4h1.5V5.4a20 20 0 0 0-2.2-.1c-2.2 0-3.7 1.3-3.7 3.8V11H8v2.8h2.5V21z',
  instagram: 'M7.5 3h9A4.5 4.5 0 0 1 21 7.5v9a4.5 4.5 0 0 1-4.5 4.5h-9A4.5 4.5 0 0 1 3 16.5v-9A4.5 4.5 0 0 1 7.5 3zm0 1.8A2.7 2.7 0 0 0 4.8 7.5v9a2.7 2.7 0 0 0 2.7 2.7h9a2.7 2.7 0 0 0 2.7-2.7v-9a2.7 2.7 0 0 0-2.7-2.7zM12 7.6a4.4 4.4 0 1 1 0 8.8 4.4 4.4 0 0 1 0-8.8zm0 1.8a2.6 2.6 0 1 0 0 5.2 2.6 2.6 0 0 0 0-5.2zm4.7-3a1 1 0 1 1 0 2 1 1 0 0 1 0-2z',
  messenger: 'M12 3C7 3 3 6.7 3 11.4c0 2.6 1.3 5 3.3 6.5V21l3-1.7c.9.3 1.8.4 2.7.4 5 0 9-3.7 9-8.3S17 3 12 3zm.9 11.2-2.3-2.4-4.4 2.4 4.9-5.2 2.3 2.4 4.4-2.4z',
  x: 'M4 4h4.6l3.9 5.3L17 4h2.6l-5.9 6.8L20.5 20h-4.6l-4.2-5.7L6.8 20H4.2l6.3-7.2z',
  webchat: 'M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-9l-5 4v-4H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm4 5.2a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4zm4 0a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4zm4 0a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4z',
  other: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm0 2a7 7 0 1 0 0 14 7 7 0 0 0 0-14z',
};

/** The network's mark, drawn inline (no image request), with its name for screen readers. */
export function ChannelIcon({ surface, label }: { surface: Surface; label: string }) {
  return (
    <svg className={`channel-icon channel-${surface}`} viewBox="0 0 24 24" role="img" aria-label={label} focusable="false">
      <title>{label}</title>
      <path d={paths[surface]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

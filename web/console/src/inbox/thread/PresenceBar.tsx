import { useMe } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useRealtime } from '../../realtime/RealtimeProvider.tsx';
import { Avatar } from '../list/Avatar.tsx';
import { othersHere } from '../composer/collision.ts';

/** Teammates on the same conversation right now, and who among them is typing. */
export function PresenceBar({ conversationId }: { conversationId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const { presence } = useRealtime();
  const { viewing, typing } = othersHere(presence, conversationId, me.user?.id);
  if (viewing.length === 0) return null;
  const list = (names: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  return (
    <div className="presence-bar" role="status" data-testid="presence">
      <span className="presence-avatars">{viewing.map((user) => <Avatar key={user.userId} name={user.name} />)}</span>
      <span>
        {typing.length > 0
          ? t(typing.length > 1 ? 'presence.typingMany' : 'presence.typing', { names: list(typing.map((u) => u.name)) })
          : t(viewing.length > 1 ? 'presence.viewingMany' : 'presence.viewing', { names: list(viewing.map((u) => u.name)) })}
      </span>
    </div>
  );
}

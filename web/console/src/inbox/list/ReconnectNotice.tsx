import type { Channel } from '../../../../../src/contracts/index.ts';
import { useMe } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Link } from '../../router/Link.tsx';
import { can } from '../../../../../src/contracts/permissions.ts';

/** A channel Meta cut off (token revoked, password changed): no reply leaves until it is reconnected. */
export function ReconnectNotice({ channels }: { channels: Channel[] }) {
  const { t } = useI18n();
  const me = useMe();
  const broken = channels.filter((channel) => channel.status === 'needs_reconnect');
  if (broken.length === 0) return null;
  return (
    <div className="reconnect-notice" role="alert" data-testid="reconnect-notice">
      {t('inbox.reconnect', { names: broken.map((channel) => channel.name).join(', ') })}
      {can(me.role, 'channels.manage') && <> <Link href="/settings/channels">{t('inbox.reconnectLink')}</Link></>}
    </div>
  );
}

import { useState } from 'react';
import { retryOutbound } from '../../api/inbox.ts';
import type { Delivery } from '../../../../../src/contracts/index.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../../ui/error-text.ts';

const moderationActions: Record<string, MessageKey> = {
  hide: 'delivery.action.hide', unhide: 'delivery.action.unhide', delete: 'delivery.action.delete', like: 'delivery.action.like',
};

const failureKinds: Record<string, MessageKey> = {
  transient: 'delivery.failure.transient', rate_limited: 'delivery.failure.rate_limited', auth: 'delivery.failure.auth', permanent: 'delivery.failure.permanent',
};

/** Where an outgoing message or a moderation action stands on the platform, with Retry when it failed. */
export function DeliveryState({ delivery, onRetried }: { delivery: Delivery; onRetried: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const action = moderationActions[delivery.action];
  const prefix = action ? `${t(action)} : ` : '';

  const retry = async () => {
    setPending(true);
    setFailure(undefined);
    try {
      await retryOutbound(delivery.outboundId);
      onRetried();
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  if (delivery.state === 'queued' || delivery.state === 'sending') {
    return <span className="delivery delivery-pending" data-testid="delivery" data-state={delivery.state}><span className="spinner" aria-hidden="true" />{prefix}{t(`delivery.${delivery.state}`)}</span>;
  }
  if (delivery.state === 'sent') {
    return <span className="delivery delivery-sent" data-testid="delivery" data-state="sent"><span aria-hidden="true">✓ </span>{prefix}{t('delivery.sent')}</span>;
  }
  const kind = delivery.failureKind ? failureKinds[delivery.failureKind] : undefined;
  return (
    <span className="delivery delivery-failed" data-testid="delivery" data-state="failed" role="alert">
      <span>
        {prefix}{t('delivery.failed')}{kind ? ` — ${t(kind)}` : ''}
        {delivery.failureReason && <span className="delivery-reason"> ({delivery.failureReason})</span>}
      </span>
      <Button variant="secondary" className="button-small" pending={pending} onClick={() => void retry()} data-testid="retry">{t('delivery.retry')}</Button>
      {failure !== undefined && <span className="field-error">{errorText(failure, i18n)}</span>}
    </span>
  );
}

import { useState } from 'react';
import { reconcileShop } from '../api/tokens.ts';
import { useI18n } from '../i18n/index.ts';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { JobProgressBar, useJobProgress } from '../ui/JobProgressBar.tsx';

const shopKinds = new Set(['shopify', 'woocommerce']);

/**
 * A channel's long work, live: a shop's reconciliation (with a button to run it now) or a
 * social channel's back-fill of missed messages, each as the bar its job's events move.
 */
export function ChannelWork({ channelId, kind, active }: { channelId: string; kind: string; active: boolean }) {
  const shop = shopKinds.has(kind);
  return shop ? <ShopSync channelId={channelId} active={active} /> : <Backfill channelId={channelId} />;
}

function ShopSync({ channelId, active }: { channelId: string; active: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const run = useJobProgress('commerce.reconcile', channelId);
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const sync = async () => {
    setAsking(true);
    setFailure(undefined);
    try {
      await reconcileShop(channelId);
    } catch (error) {
      setFailure(error);
    } finally {
      setAsking(false);
    }
  };
  return (
    <div className="channel-work">
      <Button variant="ghost" pending={asking} disabled={!active || run?.status === 'running'} onClick={() => void sync()} data-testid="shop-sync">{t('progress.reconcile')}</Button>
      <JobProgressBar run={run} label={t('progress.reconcileLabel')} />
      {failure !== undefined && <span className="field-error">{errorText(failure, i18n)}</span>}
    </div>
  );
}

function Backfill({ channelId }: { channelId: string }) {
  const { t } = useI18n();
  const run = useJobProgress('channel.backfill', channelId);
  // Back-fill runs every few minutes: show it while it works or when it failed, not every quiet pass.
  if (!run || run.status === 'done') return null;
  return <div className="channel-work"><JobProgressBar run={run} label={t('progress.backfillLabel')} /></div>;
}

import type { NewPost } from '../api/publishing.ts';
import { useI18n } from '../i18n/index.ts';
import type { ChannelChoice } from './types.ts';

/** A deal as the form holds it: strings as typed, the kind chosen by a radio. */
export interface DealDraft {
  shopChannelId: string;
  code: string;
  kind: 'percent' | 'amount';
  value: string;
  startsAt: string;
  endsAt: string;
  usageLimit: number;
}

export const emptyDeal = (shopChannelId: string): DealDraft => ({ shopChannelId, code: '', kind: 'percent', value: '10', startsAt: '', endsAt: '', usageLimit: 1000 });

/** The deal the server expects: a percentage or an amount in cents, never both. */
export function dealInput(deal: DealDraft): NonNullable<NewPost['deal']> {
  const value = Number(deal.value.replace(',', '.'));
  return {
    shopChannelId: deal.shopChannelId, code: deal.code, usageLimit: deal.usageLimit, startsAt: deal.startsAt || null, endsAt: deal.endsAt,
    percent: deal.kind === 'percent' ? Math.round(value) : null, amountCents: deal.kind === 'amount' ? Math.round(value * 100) : null,
  };
}

/** The promo code the shop will create when the post is scheduled: its amount, dates and usage limit. */
export function DealFields({ deal, shops, onChange }: { deal: DealDraft; shops: ChannelChoice[]; onChange: (deal: DealDraft) => void }) {
  const { t } = useI18n();
  const set = (change: Partial<DealDraft>) => onChange({ ...deal, ...change });
  if (shops.length === 0) return <p className="muted">{t('composer.pub.noShop')}</p>;
  return (
    <fieldset className="pub-deal" data-testid="pub-deal">
      <legend>{t('composer.pub.deal')}</legend>
      <div className="pub-row">
        <label className="field">{t('composer.pub.shop')}
          <select value={deal.shopChannelId} onChange={(e) => set({ shopChannelId: e.target.value })}>
            {shops.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="field">{t('composer.pub.code')}
          <input value={deal.code} onChange={(e) => set({ code: e.target.value.toUpperCase() })} maxLength={40} pattern="[A-Za-z0-9_\-]{3,40}" data-testid="pub-deal-code" />
        </label>
      </div>
      <div className="pub-row">
        <fieldset className="pub-deal-kind">
          <legend>{t('composer.pub.dealKind')}</legend>
          <label><input type="radio" checked={deal.kind === 'percent'} onChange={() => set({ kind: 'percent' })} /> {t('composer.pub.percent')}</label>
          <label><input type="radio" checked={deal.kind === 'amount'} onChange={() => set({ kind: 'amount' })} /> {t('composer.pub.amount')}</label>
        </fieldset>
        <label className="field">{t('composer.pub.value')}
          <input inputMode="decimal" value={deal.value} onChange={(e) => set({ value: e.target.value })} data-testid="pub-deal-value" />
        </label>
        <label className="field">{t('composer.pub.usageLimit')}
          <input type="number" min={1} max={1_000_000} value={deal.usageLimit} onChange={(e) => set({ usageLimit: Number(e.target.value) || 1 })} />
        </label>
      </div>
      <div className="pub-row">
        <label className="field">{t('composer.pub.dealStart')}<input type="datetime-local" value={deal.startsAt} onChange={(e) => set({ startsAt: e.target.value })} /></label>
        <label className="field">{t('composer.pub.dealEnd')}<input type="datetime-local" value={deal.endsAt} onChange={(e) => set({ endsAt: e.target.value })} data-testid="pub-deal-end" /></label>
      </div>
    </fieldset>
  );
}

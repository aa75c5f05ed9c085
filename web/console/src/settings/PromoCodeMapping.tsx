import { useCallback, useState, type FormEvent } from 'react';
import { listPromoCodes, mapPromoCode } from '../api/commerce.ts';
import { listChannels } from '../api/inbox.ts';
import { listMembers } from '../api/relais.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';

const SHOP_KINDS = ['shopify', 'woocommerce'];

/** The admin form that ties an existing shop code to a social channel, a post or an agent. */
export function PromoCodeMapping({ onMapped }: { onMapped: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(async () => {
    const [channels, members, codes] = await Promise.all([listChannels(), listMembers(), listPromoCodes()]);
    return { channels: channels.channels, members: members.members, codes: codes.promoCodes };
  }, []);
  const [state, reload] = useResource(load);
  const [form, setForm] = useState({ shopChannelId: '', code: '', sourceChannelId: '', postId: '', agentId: '' });
  const [result, setResult] = useState<{ ok: true; count: number } | { ok: false; error: unknown }>();
  const [pending, setPending] = useState(false);
  if (state.state !== 'ready') return state.state === 'failed' ? <Alert tone="error">{errorText(state.error, i18n)}</Alert> : null;
  const shops = state.data.channels.filter((c) => SHOP_KINDS.includes(c.kind));
  const socials = state.data.channels.filter((c) => !SHOP_KINDS.includes(c.kind));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      const mapped = await mapPromoCode({ shopChannelId: form.shopChannelId || shops[0]?.id || '', code: form.code, sourceChannelId: form.sourceChannelId || null, postId: form.postId.trim() || null, agentId: form.agentId || null });
      setResult({ ok: true, count: mapped.reattributed });
      await reload();
      onMapped();
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="promo-mapping" aria-labelledby="promo-map-title" data-testid="promo-mapping">
      <h3 id="promo-map-title">{t('attribution.mapTitle')}</h3>
      <p className="muted">{t('attribution.mapIntro')}</p>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <label>{t('attribution.shop')} <select value={form.shopChannelId} onChange={(e) => setForm({ ...form, shopChannelId: e.target.value })}>
          {shops.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select></label>
        <label>{t('attribution.code')} <input value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} required data-testid="promo-code" /></label>
        <label>{t('attribution.channel')} <select value={form.sourceChannelId} onChange={(e) => setForm({ ...form, sourceChannelId: e.target.value })} data-testid="promo-channel">
          <option value="">{t('attribution.nobody')}</option>
          {socials.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select></label>
        <label>{t('attribution.post')} <input value={form.postId} onChange={(e) => setForm({ ...form, postId: e.target.value })} /></label>
        <label>{t('attribution.agent')} <select value={form.agentId} onChange={(e) => setForm({ ...form, agentId: e.target.value })}>
          <option value="">{t('attribution.nobody')}</option>
          {state.data.members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </select></label>
        {result?.ok === true && <Alert tone="success">{t('attribution.mapped', { count: result.count })}</Alert>}
        {result?.ok === false && <Alert tone="error">{errorText(result.error, i18n)}</Alert>}
        <div><Button type="submit" variant="primary" pending={pending} disabled={shops.length === 0}>{t('attribution.map')}</Button></div>
      </form>
      {state.data.codes.length > 0 && (
        <>
          <h4>{t('attribution.codes')}</h4>
          <ul className="panel-list" data-testid="promo-codes">
            {state.data.codes.map((c) => <li key={c.id}><code>{c.code}</code> <span className="muted">· {t(`attribution.origin.${c.origin}`)}{c.percent !== null ? ` · ${c.percent} %` : ''}</span></li>)}
          </ul>
        </>
      )}
    </section>
  );
}

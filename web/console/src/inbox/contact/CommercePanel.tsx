import { useCallback, useState } from 'react';
import { listChannels } from '../../api/inbox.ts';
import { getContactCommerce, linkOrder, unlinkShopCustomer, type Order } from '../../api/shops.ts';
import { useI18n } from '../../i18n/index.ts';
import { useRealtimeSignals } from '../../realtime/RealtimeProvider.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../../ui/error-text.ts';
import { useResource } from '../../ui/use-resource.ts';
import { formatMoney, safeHttpUrl } from './money.ts';

const ORDERS_SHOWN = 5;

/** Orders, open cart and value of the customer, beside the conversation; suggested links to confirm. */
export function CommercePanel({ contactId }: { contactId: string }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const load = useCallback(() => getContactCommerce(contactId), [contactId]);
  const [data, reload] = useResource(load);
  const [channels] = useResource(listChannels);
  const shopName = (channelId: string) => (channels.state === 'ready' ? channels.data.channels.find((c) => c.id === channelId)?.name : undefined) ?? t('commerce.shop');
  // A new order or cart from the shop arrives as `contact.updated`.
  useRealtimeSignals((signal) => {
    if (signal.type === 'reload') return void reload();
    if (signal.type !== 'contact.updated' || !('data' in signal)) return;
    if ((signal.data as { contactId?: unknown } | null)?.contactId === contactId) void reload();
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = (key: string, work: () => Promise<unknown>) => async () => {
    setBusy(key);
    setError(null);
    try {
      await work();
      await reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  if (data.state === 'loading') return <section className="panel-section"><h4>{t('contact.commerce')}</h4><p className="muted">{t('app.loading')}</p></section>;
  if (data.state === 'failed') return <section className="panel-section"><h4>{t('contact.commerce')}</h4><Alert tone="error">{errorText(data.error, i18n)}</Alert></section>;
  const { commerce, suggestions } = data.data;
  const money = (cents: number, currency: string | null) => formatMoney(locale, cents, currency);
  const empty = commerce.orders.length === 0 && commerce.openCarts.length === 0 && suggestions.length === 0;

  return (
    <section className="panel-section commerce-panel" data-testid="commerce-panel" aria-label={t('contact.commerce')}>
      <h4>{t('contact.commerce')}</h4>
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      {empty && <p className="muted">{t('commerce.none')}</p>}
      {commerce.lifetimeValue.orders > 0 && (
        <p className="panel-line" data-testid="lifetime-value">
          {t('commerce.lifetimeValue', { value: money(commerce.lifetimeValue.cents, commerce.lifetimeValue.currency), count: commerce.lifetimeValue.orders })}
        </p>
      )}
      {commerce.firstOrderAt !== null && commerce.lastOrderAt !== null && (
        <p className="panel-line muted">{t('commerce.firstLast', { first: i18n.date(commerce.firstOrderAt), last: i18n.date(commerce.lastOrderAt) })}</p>
      )}
      {commerce.openCarts.map((cart) => {
        const url = safeHttpUrl(cart.recoveryUrl);
        return (
          <div key={cart.id} className="commerce-cart" data-testid="open-cart">
            <span className="panel-strong">{t('commerce.openCart', { value: money(cart.totalCents, cart.currency), count: cart.items.reduce((n, item) => n + item.quantity, 0) })}</span>
            {url && <> · <a href={url} target="_blank" rel="noopener noreferrer">{t('commerce.recoveryLink')}</a></>}
          </div>
        );
      })}
      {commerce.orders.length > 0 && (
        <ul className="panel-list" data-testid="orders">
          {commerce.orders.slice(0, ORDERS_SHOWN).map((order) => <OrderLine key={order.id} order={order} money={money} shop={shopName(order.channelId)} />)}
        </ul>
      )}
      {suggestions.length > 0 && (
        <div className="commerce-suggestions" data-testid="link-suggestions">
          {suggestions.map((suggestion) => (
            <p key={suggestion.orderId} className="panel-line">
              {t('commerce.suggestion', { number: suggestion.number, who: suggestion.customerName ?? suggestion.email ?? '—' })}{' '}
              <Button variant="ghost" pending={busy === suggestion.orderId} onClick={act(suggestion.orderId, () => linkOrder(contactId, suggestion.orderId))}>{t('commerce.confirmLink')}</Button>
            </p>
          ))}
        </div>
      )}
      {commerce.shopCustomers.length > 0 && (
        <ul className="panel-list muted">
          {linkedOnce(commerce.shopCustomers).map((customer) => (
            <li key={customer.ids.join(',')} data-testid="shop-customer">
              {t('commerce.linkedAs', { shop: shopName(customer.channelId), who: customer.who, how: t(`commerce.method.${customer.linkMethod ?? 'agent'}` as 'commerce.method.agent') })}{' '}
              <Button variant="ghost" pending={busy === customer.ids[0]} onClick={act(customer.ids[0]!, async () => { for (const id of customer.ids) await unlinkShopCustomer(contactId, id); })}>{t('commerce.unlink')}</Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One line per shop and person: the same email known three times in one shop reads once. */
function linkedOnce<C extends { id: string; channelId: string; email: string | null; phone: string | null; name: string | null; linkMethod: string | null }>(customers: C[]) {
  const lines = new Map<string, { ids: string[]; channelId: string; who: string; linkMethod: string | null }>();
  for (const customer of customers) {
    const who = customer.email ?? customer.phone ?? customer.name ?? customer.id;
    const key = `${customer.channelId}\u0000${who.toLowerCase()}`;
    const line = lines.get(key);
    if (line) line.ids.push(customer.id);
    else lines.set(key, { ids: [customer.id], channelId: customer.channelId, who, linkMethod: customer.linkMethod });
  }
  return [...lines.values()];
}

function OrderLine({ order, money, shop }: { order: Order; money: (cents: number, currency: string | null) => string; shop: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const tracking = safeHttpUrl(order.trackingUrl);
  return (
    <li data-testid="order">
      <span className="panel-strong">{order.number}</span>
      <span> · {t(`commerce.status.${order.status}`)} · {money(order.totalCents, order.currency)}</span>
      <span className="muted"> · {i18n.date(order.placedAt)} · {shop}</span>
      <div className="muted">{order.items.map((item) => `${item.quantity} × ${item.title}`).join(', ')}</div>
      {tracking && <a href={tracking} target="_blank" rel="noopener noreferrer">{t('commerce.track')}</a>}
    </li>
  );
}

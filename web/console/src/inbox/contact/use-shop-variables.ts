import { useEffect, useState } from 'react';
import { getContactCommerce } from '../../api/shops.ts';
import { useI18n } from '../../i18n/index.ts';

export interface ShopVariables {
  lastOrderNumber: string | null;
  lastOrderStatus: string | null;
  cartUrl: string | null;
}

const none: ShopVariables = { lastOrderNumber: null, lastOrderStatus: null, cartUrl: null };

/** The values of `{{order.last.number}}`, `{{order.last.status}}` and `{{cart.url}}` for a contact. */
export function useShopVariables(contactId: string | undefined): ShopVariables {
  const { t } = useI18n();
  const [data, setData] = useState<Awaited<ReturnType<typeof getContactCommerce>> | null>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    if (contactId) getContactCommerce(contactId).then((answer) => { if (live) setData(answer); }, () => {});
    return () => { live = false; };
  }, [contactId]);
  if (!data) return none;
  const last = data.commerce.orders[0];
  return {
    lastOrderNumber: last?.number ?? null,
    lastOrderStatus: last ? t(`commerce.status.${last.status}`).toLowerCase() : null,
    cartUrl: data.commerce.openCarts.find((cart) => cart.recoveryUrl)?.recoveryUrl ?? null,
  };
}

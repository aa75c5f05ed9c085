import { useState } from 'react';
import { connectShop, type ShopInput } from '../api/shops.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { required } from '../ui/validate.ts';
import { ConnectCard } from './ConnectCard.tsx';

const shopifyEmpty = { shopDomain: '', accessToken: '', apiBase: '' };
const wooEmpty = { siteUrl: '', consumerKey: '', consumerSecret: '', webhookSecret: '', apiBase: '' };
const base = (apiBase: string) => (apiBase.trim() ? { apiBase: apiBase.trim() } : {});

/** After connecting: the address the shop's webhooks must be sent to (Woo's names the channel). */
function WebhookUrl({ url }: { url: string | null }) {
  const { t } = useI18n();
  if (!url) return null;
  return <Alert tone="success"><span data-testid="shop-webhook-url">{t('shops.webhookUrl', { url })}</span></Alert>;
}

/** Connecting a Shopify shop: its domain and Admin API token (the app secret is an installation setting). */
export function ConnectShopifyForm({ onConnected }: { onConnected: () => Promise<void> }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const form = useForm({
    initial: shopifyEmpty,
    validate: (v) => ({ shopDomain: required(v.shopDomain), accessToken: required(v.accessToken) }),
    onSubmit: async (v) => {
      const input: ShopInput = { platform: 'shopify', shopDomain: v.shopDomain.trim(), accessToken: v.accessToken.trim(), ...base(v.apiBase) };
      setUrl((await connectShop(input)).webhookUrl);
      form.setValues(shopifyEmpty);
      await onConnected();
    },
  });
  return (
    <ConnectCard id="connect-shopify-title" title={t('shops.connectShopify')} intro={t('shops.connectShopifyIntro')} testId="connect-shopify" form={form}
      advanced={<Field label={t('shops.apiBase')} bound={form.field('apiBase')} type="url" autoComplete="off" />}>
      <WebhookUrl url={url} />
      <Field label={t('shops.shopDomain')} hint={t('shops.shopDomainHint')} bound={form.field('shopDomain')} autoComplete="off" />
      <Field label={t('shops.accessToken')} bound={form.field('accessToken')} type="password" autoComplete="off" />
    </ConnectCard>
  );
}

/** Connecting a WooCommerce shop: its address, REST API keys and the webhooks' secret. */
export function ConnectWooForm({ onConnected }: { onConnected: () => Promise<void> }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const form = useForm({
    initial: wooEmpty,
    validate: (v) => ({ siteUrl: required(v.siteUrl), consumerKey: required(v.consumerKey), consumerSecret: required(v.consumerSecret), webhookSecret: required(v.webhookSecret) }),
    onSubmit: async (v) => {
      const input: ShopInput = {
        platform: 'woocommerce', siteUrl: v.siteUrl.trim(), consumerKey: v.consumerKey.trim(), consumerSecret: v.consumerSecret.trim(), webhookSecret: v.webhookSecret, ...base(v.apiBase),
      };
      setUrl((await connectShop(input)).webhookUrl);
      form.setValues(wooEmpty);
      await onConnected();
    },
  });
  return (
    <ConnectCard id="connect-woo-title" title={t('shops.connectWoo')} intro={t('shops.connectWooIntro')} testId="connect-woocommerce" form={form}
      advanced={<Field label={t('shops.apiBase')} bound={form.field('apiBase')} type="url" autoComplete="off" />}>
      <WebhookUrl url={url} />
      <Field label={t('shops.siteUrl')} bound={form.field('siteUrl')} type="url" autoComplete="off" />
      <Field label={t('shops.consumerKey')} bound={form.field('consumerKey')} autoComplete="off" />
      <Field label={t('shops.consumerSecret')} bound={form.field('consumerSecret')} type="password" autoComplete="off" />
      <Field label={t('shops.webhookSecret')} hint={t('shops.webhookSecretHint')} bound={form.field('webhookSecret')} type="password" autoComplete="off" />
    </ConnectCard>
  );
}

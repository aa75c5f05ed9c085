/** "118,00 €" in French, "€118.00" in English. */
export function formatMoney(locale: string, cents: number, currency: string | null): string {
  const amount = cents / 100;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency ?? 'EUR' }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

/** Only web links leave the console; anything else from a shop is shown as text. */
export function safeHttpUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

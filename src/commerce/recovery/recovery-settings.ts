import type { z } from 'zod';
import { recoverySettings } from '../../contracts/index.ts';
import type { Db, RecoverySettingsTable } from '../../store/index.ts';

export const DEFAULT_TEMPLATE_FR = 'Bonjour {name}, votre panier vous attend toujours : {link}\nAvec le code {code}, profitez de {percent} % de remise jusqu’au {expiry}.';
export const DEFAULT_TEMPLATE_EN = 'Hello {name}, your basket is still waiting for you: {link}\nUse the code {code} for {percent}% off until {expiry}.';

export { MAX_DELAY_MINUTES, RECOVERY_HORIZON_MS } from '../../contracts/index.ts';

/** What an admin edits on the recovery settings page: the contract's schema (src/contracts). */
export const recoverySettingsSchema = recoverySettings;

export type RecoverySettings = z.infer<typeof recoverySettingsSchema>;

export const defaultRecoverySettings: RecoverySettings = {
  enabled: false, delayMinutes: 60, templateFr: DEFAULT_TEMPLATE_FR, templateEn: DEFAULT_TEMPLATE_EN,
  promoPercent: null, promoExpiryDays: 7, quietStart: '21:00', quietEnd: '09:00', timezone: 'Europe/Paris',
};

function fromRow(row: Omit<RecoverySettingsTable, 'attribution_days'>): RecoverySettings {
  return {
    enabled: row.enabled === 1, delayMinutes: row.delay_minutes, templateFr: row.template_fr, templateEn: row.template_en,
    promoPercent: row.promo_percent, promoExpiryDays: row.promo_expiry_days, quietStart: row.quiet_start, quietEnd: row.quiet_end, timezone: row.timezone,
  };
}

export async function getRecoverySettings(db: Db, workspaceId: string): Promise<RecoverySettings> {
  const row = await db.selectFrom('recovery_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? fromRow(row) : defaultRecoverySettings;
}

/** Saves the workspace's settings whole (the page sends every field). */
export async function saveRecoverySettings(deps: { db: Db; clock: { now(): number } }, workspaceId: string, settings: RecoverySettings): Promise<RecoverySettings> {
  const values = {
    enabled: settings.enabled ? 1 : 0, delay_minutes: settings.delayMinutes, template_fr: settings.templateFr, template_en: settings.templateEn,
    promo_percent: settings.promoPercent, promo_expiry_days: settings.promoExpiryDays, quiet_start: settings.quietStart, quiet_end: settings.quietEnd,
    timezone: settings.timezone, updated_at: deps.clock.now(),
  };
  await deps.db.insertInto('recovery_settings').values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values)).execute();
  return settings;
}

/** Minutes since local midnight at `at` in `timeZone`. */
function localMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Whether `at` falls in the quiet hours, which may wrap past midnight (21:00–09:00).
 *
 * @example isQuietTime(Date.UTC(2026, 0, 5, 21, 30), { quietStart: '21:00', quietEnd: '09:00', timezone: 'Europe/Paris' }) // true (22:30 in Paris)
 */
export function isQuietTime(at: number, settings: Pick<RecoverySettings, 'quietStart' | 'quietEnd' | 'timezone'>): boolean {
  const now = localMinutes(at, settings.timezone);
  const start = minutesOf(settings.quietStart);
  const end = minutesOf(settings.quietEnd);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

export interface TemplateValues {
  name: string | null;
  link: string;
  code: string | null;
  percent: number | null;
  expiry: string | null;
}

/**
 * Fills a recovery template. Without a promo code, the lines that mention one are dropped;
 * without a name, "{name}" goes with the space before it.
 *
 * @example renderRecoveryTemplate('Bonjour {name}, {link}', { name: null, link: 'https://x', code: null, percent: null, expiry: null }) // 'Bonjour, https://x'
 */
export function renderRecoveryTemplate(template: string, values: TemplateValues): string {
  const lines = template.split('\n').filter((line) => values.code !== null || !/\{(code|percent|expiry)\}/.test(line));
  return lines.join('\n')
    .replace(/ ?\{name\}/g, values.name ? ` ${values.name}` : '')
    .replace(/\{link\}/g, values.link)
    .replace(/\{code\}/g, values.code ?? '')
    .replace(/\{percent\}/g, values.percent === null ? '' : String(values.percent))
    .replace(/\{expiry\}/g, values.expiry ?? '')
    .trim();
}

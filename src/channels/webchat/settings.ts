import { z } from 'zod';
import { say, sayNow } from '../../kernel/index.ts';
import { businessHoursSchema } from '../../care/index.ts';

/** `https://shop.example` exactly: scheme, host and port, nothing after. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

const origin = z.string().max(300).transform((value, ctx) => {
  const normalized = normalizeOrigin(value);
  if (!normalized) {
    ctx.addIssue({ code: 'custom', message: sayNow('Une origine comme https://boutique.example.', 'An origin such as https://shop.example.') });
    return z.NEVER;
  }
  return normalized;
});

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, say('Une couleur comme #1f6feb.', 'A colour such as #1f6feb.'));

/**
 * What a shop sets for its widget. Business hours are optional: without them the team is
 * always "open" and the widget never asks for an email.
 */
export const webchatSettingsSchema = z.object({
  allowedOrigins: z.array(origin).min(1, say('Au moins une origine autorisée.', 'At least one allowed origin.')).max(20),
  primaryColor: color.default('#1f6feb'),
  textColor: color.default('#ffffff'),
  greeting: z.object({ fr: z.string().trim().max(300), en: z.string().trim().max(300) })
    .default({ fr: 'Bonjour ! Une question ? Écrivez-nous.', en: 'Hello! Any question? Write to us.' }),
  position: z.enum(['right', 'left']).default('right'),
  language: z.enum(['auto', 'fr', 'en']).default('auto'),
  businessHours: businessHoursSchema.nullable().default(null),
});

export type WebchatSettings = z.infer<typeof webchatSettingsSchema>;

/** Reads a channel's stored settings; anything unreadable falls back to defaults with no origin allowed. */
export function readWebchatSettings(stored: Record<string, unknown>): WebchatSettings {
  const parsed = webchatSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  return { ...webchatSettingsSchema.parse({ allowedOrigins: ['https://invalid.invalid'] }), allowedOrigins: [] };
}

export function originAllowed(settings: Pick<WebchatSettings, 'allowedOrigins'>, value: string | undefined | null): boolean {
  const normalized = value ? normalizeOrigin(value) : null;
  return normalized !== null && settings.allowedOrigins.includes(normalized);
}

/** The snippet a shop pastes into its pages. */
export function embedSnippet(publicUrl: string, channelId: string): string {
  return `<script src="${publicUrl}/widget.js" data-channel="${channelId}" async></script>`;
}

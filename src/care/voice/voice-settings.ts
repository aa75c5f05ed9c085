/**
 * How a workspace sounds in public: tutoiement or vouvoiement, emoji policy, signature and
 * words to avoid. Read by the composer's voice guard, which only ever warns.
 */
import { z } from 'zod';

export type AddressForm = 'tu' | 'vous' | 'any';
export type EmojiPolicy = 'allowed' | 'sparingly' | 'none';

export interface VoiceSettings {
  address: AddressForm;
  emoji: EmojiPolicy;
  signature?: string | undefined;
  avoidWords: string[];
}

export const defaultVoiceSettings: VoiceSettings = {
  address: 'vous',
  emoji: 'sparingly',
  avoidWords: [],
};

/** Missing fields take the defaults: vouvoiement, sparing emoji, no signature, no avoided words. */
export const voiceSettingsSchema = z.object({
  address: z.enum(['tu', 'vous', 'any']).default('vous'),
  emoji: z.enum(['allowed', 'sparingly', 'none']).default('sparingly'),
  signature: z.string().trim().min(1).max(100).optional(),
  avoidWords: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
}) satisfies z.ZodType<VoiceSettings, unknown>;

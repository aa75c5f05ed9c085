/**
 * How a workspace sounds in public: tutoiement or vouvoiement, emoji policy, signature and
 * words to avoid. Read by the composer's voice guard, which only ever warns.
 */
import type { z } from 'zod';
import { voiceSettings } from '../../contracts/index.ts';

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

/** Missing fields take the defaults: vouvoiement, sparing emoji, no signature, no avoided words (src/contracts). */
export const voiceSettingsSchema = voiceSettings satisfies z.ZodType<VoiceSettings, unknown>;

/**
 * voice: the brand-voice guard. Workspace voice settings (tu/vous, emoji policy, signature,
 * words to avoid) and a pure check the composer runs before sending a public reply. It only
 * warns: the agent stays in charge of the final words.
 */
export { findAddressMarkers, type AddressMarker } from './address-form.ts';
export {
  checkVoice,
  normalizeReply,
  ROBOTIC_WINDOW_MS,
  SPARING_EMOJI_MAX,
  type SentReply,
  type VoiceWarning,
  type VoiceWarningCode,
} from './check-voice.ts';
export { findEmoji, stripEmoji, type EmojiOccurrence } from './emoji.ts';
export {
  defaultVoiceSettings,
  voiceSettingsSchema,
  type AddressForm,
  type EmojiPolicy,
  type VoiceSettings,
} from './voice-settings.ts';

/**
 * The composer's brand-voice guard. Everything here is a warning the agent may override: a
 * reply that sounds robotic or slips into "tu" is worth a second look, never a blocked send.
 */
import { fold, foldText, originalSpan } from '../charter/index.ts';
import { findAddressMarkers } from './address-form.ts';
import { findEmoji, stripEmoji } from './emoji.ts';
import type { VoiceSettings } from './voice-settings.ts';

export type VoiceWarningCode =
  | 'voice.robotic'
  | 'voice.tutoiement'
  | 'voice.vouvoiement'
  | 'voice.emoji_forbidden'
  | 'voice.emoji_excess'
  | 'voice.avoided_word'
  | 'voice.signature_missing';

export interface VoiceWarning {
  code: VoiceWarningCode;
  message_fr: string;
  message_en: string;
  /** [start, end) in the checked text, when the problem sits somewhere precise. */
  span?: [number, number];
}

export interface SentReply {
  text: string;
  /** Epoch milliseconds. */
  at: number;
}

export const ROBOTIC_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
export const SPARING_EMOJI_MAX = 2;

/** Same words, ignoring case, accents, spacing and emoji. */
export function normalizeReply(text: string): string {
  return fold(stripEmoji(text)).replace(/\s+/g, ' ').trim();
}

function isRobotic(text: string, recent: SentReply[], now: number): boolean {
  const mine = normalizeReply(text);
  if (mine === '') return false;
  return recent.some((r) => r.at <= now && now - r.at <= ROBOTIC_WINDOW_MS && normalizeReply(r.text) === mine);
}

function avoidedWordWarnings(text: string, avoidWords: string[]): VoiceWarning[] {
  const folded = foldText(text);
  const warnings: VoiceWarning[] = [];
  for (const word of avoidWords) {
    const needle = fold(word).trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    if (!needle) continue;
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${needle}(?![\\p{L}\\p{N}])`, 'u').exec(folded.text);
    if (!m) continue;
    warnings.push({
      code: 'voice.avoided_word',
      message_fr: `« ${word} » fait partie des mots à éviter.`,
      message_en: `"${word}" is on the list of words to avoid.`,
      span: originalSpan(folded, m.index, m.index + m[0].length),
    });
  }
  return warnings;
}

/**
 * @example
 * checkVoice(defaultVoiceSettings, 'Salut, tu as reçu ton colis ?', [], Date.now())
 * // [{ code: 'voice.tutoiement', span: [7, 9], … }]
 */
export function checkVoice(settings: VoiceSettings, text: string, recentPublicReplies: SentReply[], now: number): VoiceWarning[] {
  const warnings: VoiceWarning[] = [];
  if (isRobotic(text, recentPublicReplies, now)) {
    warnings.push({
      code: 'voice.robotic',
      message_fr: 'Cette réponse est identique à une réponse publique envoyée ces 7 derniers jours : personnalisez-la.',
      message_en: 'This reply is identical to a public reply sent in the last 7 days: personalise it.',
    });
  }
  if (settings.address !== 'any') {
    const off = findAddressMarkers(text).find((m) => m.form !== settings.address);
    if (off) {
      warnings.push(settings.address === 'vous'
        ? { code: 'voice.tutoiement', message_fr: `« ${off.word} » tutoie le client, alors que la boutique vouvoie.`, message_en: `"${off.word}" uses "tu", but the shop addresses customers as "vous".`, span: off.span }
        : { code: 'voice.vouvoiement', message_fr: `« ${off.word} » vouvoie le client, alors que la boutique tutoie.`, message_en: `"${off.word}" uses "vous", but the shop addresses customers as "tu".`, span: off.span });
    }
  }
  const emoji = findEmoji(text);
  if (settings.emoji === 'none' && emoji[0]) {
    warnings.push({ code: 'voice.emoji_forbidden', message_fr: 'Pas d’emoji dans les réponses de la boutique.', message_en: 'The shop does not use emoji in replies.', span: emoji[0].span });
  } else if (settings.emoji === 'sparingly' && emoji.length > SPARING_EMOJI_MAX) {
    const extra = emoji[SPARING_EMOJI_MAX]!;
    warnings.push({ code: 'voice.emoji_excess', message_fr: `${emoji.length} emoji : la boutique en met ${SPARING_EMOJI_MAX} au plus.`, message_en: `${emoji.length} emoji: the shop uses ${SPARING_EMOJI_MAX} at most.`, span: extra.span });
  }
  warnings.push(...avoidedWordWarnings(text, settings.avoidWords));
  const signature = settings.signature?.trim();
  // The signature closes the reply; trailing spaces and emoji after it still count as signed.
  if (signature && !fold(stripEmoji(text)).trimEnd().endsWith(fold(signature))) {
    warnings.push({ code: 'voice.signature_missing', message_fr: `Signature « ${signature} » absente en fin de réponse.`, message_en: `The signature "${signature}" is missing at the end of the reply.` });
  }
  return warnings;
}

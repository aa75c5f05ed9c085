import { describe, expect, it } from 'vitest';
import { checkVoice, normalizeReply, ROBOTIC_WINDOW_MS } from './check-voice.ts';
import { defaultVoiceSettings, voiceSettingsSchema, type VoiceSettings } from './voice-settings.ts';

const now = Date.UTC(2026, 5, 15, 10);
const DAY = 24 * 60 * 60 * 1000;
const settings = (over: Partial<VoiceSettings> = {}): VoiceSettings => ({ ...defaultVoiceSettings, ...over });
const codes = (s: VoiceSettings, text: string, recent: { text: string; at: number }[] = []) =>
  checkVoice(s, text, recent, now).map((w) => w.code);

describe('voiceSettingsSchema', () => {
  it('defaults to vous, sparing emoji, no signature and no avoided words', () => {
    expect(voiceSettingsSchema.parse({})).toEqual({ address: 'vous', emoji: 'sparingly', avoidWords: [] });
    expect(voiceSettingsSchema.parse({})).toEqual(defaultVoiceSettings);
  });

  it('rejects an unknown address form', () => {
    expect(voiceSettingsSchema.safeParse({ address: 'vousvoie' }).success).toBe(false);
  });
});

describe('checkVoice', () => {
  it('has nothing to say about a clean reply', () => {
    expect(codes(settings(), 'Bonjour, votre colis part demain. Merci de votre patience 🙂')).toEqual([]);
  });

  it('warns when a reply repeats a public reply of the last 7 days, ignoring case, accents, spaces and emoji', () => {
    const recent = [{ text: 'Merci pour votre retour ! 😊', at: now - 6 * DAY }];
    expect(codes(settings(), '  merci  POUR votre retour !', recent)).toEqual(['voice.robotic']);
    expect(codes(settings(), 'Merci pour votre retour, Julie !', recent)).toEqual([]);
  });

  it('only looks 7 days back', () => {
    expect(codes(settings(), 'Merci !', [{ text: 'Merci !', at: now - ROBOTIC_WINDOW_MS }])).toEqual(['voice.robotic']);
    expect(codes(settings(), 'Merci !', [{ text: 'Merci !', at: now - ROBOTIC_WINDOW_MS - 1 }])).toEqual([]);
    expect(codes(settings(), 'Merci !', [{ text: 'Merci !', at: now + DAY }])).toEqual([]);
  });

  it('does not call an emoji-only or empty reply robotic', () => {
    expect(codes(settings({ emoji: 'allowed' }), '👍', [{ text: '🙏', at: now }])).toEqual([]);
  });

  it('warns on tutoiement when the shop says vous, with the span of the word', () => {
    const [warning] = checkVoice(settings(), 'Bonjour, tu peux vérifier ?', [], now);
    expect(warning).toMatchObject({ code: 'voice.tutoiement', span: [9, 11] });
    expect(warning?.message_fr).toContain('« tu »');
    expect(warning?.message_en).toContain('"tu"');
  });

  it('warns on vouvoiement when the shop says tu, and never when it says any', () => {
    expect(codes(settings({ address: 'tu' }), 'Salut, vous avez reçu ton colis ?')).toEqual(['voice.vouvoiement']);
    expect(codes(settings({ address: 'tu' }), 'Salut, tu as reçu ton colis ? Prends rendez-vous avec toi-même')).toEqual([]);
    expect(codes(settings({ address: 'any' }), 'Tu ou vous, peu importe')).toEqual([]);
  });

  it('does not mistake "tutu" or "toit" for tutoiement', () => {
    expect(codes(settings(), 'Votre tutu est sous le toit, vous pouvez le faire vous-même.')).toEqual([]);
  });

  it('warns on any emoji when the policy is none', () => {
    const [warning] = checkVoice(settings({ emoji: 'none' }), 'Merci 🙏🏽 !', [], now);
    expect(warning).toMatchObject({ code: 'voice.emoji_forbidden', span: [6, 10] });
    expect(codes(settings({ emoji: 'none' }), 'Marque déposée ® et © 2026')).toEqual([]);
  });

  it('warns beyond two emoji when sparing, counting a flag or a family once', () => {
    expect(codes(settings(), 'Top 🇫🇷 👨‍👩‍👧')).toEqual([]);
    expect(codes(settings(), 'Top 🇫🇷 👨‍👩‍👧 🎉')).toEqual(['voice.emoji_excess']);
    expect(codes(settings({ emoji: 'allowed' }), '🎉🎉🎉🎉🎉')).toEqual([]);
  });

  it('warns on each avoided word, whatever its case and accents, on whole words', () => {
    const warnings = checkVoice(settings({ avoidWords: ['désolé', 'pas de souci'] }), 'DESOLE, pas  de souci !', [], now);
    expect(warnings.map((w) => [w.code, w.span])).toEqual([['voice.avoided_word', [0, 6]], ['voice.avoided_word', [8, 21]]]);
    expect(codes(settings({ avoidWords: ['soucis'] }), 'Aucun souci')).toEqual([]);
  });

  it('warns when the signature is missing from the end of the reply', () => {
    const signed = settings({ signature: '— Marie, Maison Léa' });
    expect(codes(signed, 'Votre colis arrive demain.')).toEqual(['voice.signature_missing']);
    expect(codes(signed, 'Votre colis arrive demain.\n— Marie, maison lea  ')).toEqual([]);
  });

  it('can raise several warnings at once', () => {
    const s = settings({ emoji: 'none', avoidWords: ['malheureusement'], signature: 'Léa' });
    expect(codes(s, 'Malheureusement tu dois attendre 😢', [{ text: 'malheureusement TU dois attendre', at: now - DAY }])).toEqual([
      'voice.robotic', 'voice.tutoiement', 'voice.emoji_forbidden', 'voice.avoided_word', 'voice.signature_missing',
    ]);
  });
});

describe('normalizeReply', () => {
  it('folds case, accents, whitespace and emoji', () => {
    expect(normalizeReply(' Été  🌞 CHAUD\n')).toBe('ete chaud');
  });
});

import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.ts';
import { tokenize } from './tokenize.ts';

const detect = (text: string, hint?: 'fr' | 'en'): string => detectLanguage(tokenize(text), hint ? { language: hint } : undefined);

describe('detectLanguage', () => {
  it.each([
    ['dispo en 38 ?', 'fr'],
    ["c'est quand la livraison ?", 'fr'],
    ['je voudrais commander 2 paires', 'fr'],
    ['Merci @maboutique 😍 #ootd https://t.co/abc', 'fr'],
    ['do you ship to Belgium?', 'en'],
    ['still waiting for my order 😡 @shop', 'en'],
    ['Love it!!! sooo good', 'en'],
    ['Hola, ¿cuándo llega mi pedido? Gracias', 'other'],
    ['Wo ist mein Paket? Ich warte seit zwei Wochen', 'other'],
  ])('%s → %s', (text, language) => {
    expect(detect(text)).toBe(language);
  });

  it('ignores mentions, hashtags and links, so they cannot make a French text English', () => {
    expect(detect('@the_best_shop_ever #happy #love https://example.com/the-shop toujours pas reçu')).toBe('fr');
  });

  it('answers "other" when there is no language at all, unless the channel says which', () => {
    expect(detect('😍😍😍')).toBe('other');
    expect(detect('')).toBe('other');
    expect(detect('😍😍😍', 'fr')).toBe('fr');
    expect(detect('ok', 'en')).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import { containsAny, foldText } from './fold-text.ts';

describe('foldText', () => {
  it('drops case, accents and ligatures', () => {
    expect(foldText('Sœur REMBOURSÉE à Noël')).toBe('soeur remboursee a noel');
  });
});

describe('containsAny', () => {
  it('matches across case and accents, both ways', () => {
    expect(containsAny('Toujours pas REMBOURSÉ !', ['rembourse'])).toBe(true);
    expect(containsAny('toujours pas rembourse', ['remboursé'])).toBe(true);
  });

  it('matches whole words by default, so short keywords do not fire inside other words', () => {
    expect(containsAny('Je vais remiser le vélo', ['remise'])).toBe(false);
    expect(containsAny('Une remise ?', ['remise'])).toBe(true);
  });

  it('matches a phrase across punctuation and spacing', () => {
    expect(containsAny('Colis PAS   reçu, merci', ['pas reçu'])).toBe(true);
    expect(containsAny('pas encore reçu', ['pas reçu'])).toBe(false);
  });

  it('matches stems in substring mode', () => {
    expect(containsAny('Je veux être REMBOURSÉE', ['rembours'], 'substring')).toBe(true);
    expect(containsAny('Je veux être REMBOURSÉE', ['rembours'])).toBe(false);
  });

  it('is false when no term is there, and ignores blank terms', () => {
    expect(containsAny('Merci beaucoup', ['arnaque', 'escroc'])).toBe(false);
    expect(containsAny('Merci', ['  ', '!'])).toBe(false);
    expect(containsAny('Merci', [''], 'substring')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { detectCardNumbers, detectIbans, isValidIban } from './detect-bank.ts';
import { detectEmails, detectLinks, detectShortenedLinks } from './detect-links.ts';
import { detectPhones } from './detect-phone.ts';

const values = (hits: { value: string }[]) => hits.map((h) => h.value);

describe('detectPhones', () => {
  it.each([
    ['appelez-moi au 06 12 34 56 78 svp', '06 12 34 56 78'],
    ['tel 0612345678', '0612345678'],
    ['mon fixe : 01.23.45.67.89.', '01.23.45.67.89'],
    ['06-12-34-56-78', '06-12-34-56-78'],
    ['joignable au +33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['+33612345678', '+33612345678'],
    ['0033 6 12 34 56 78', '0033 6 12 34 56 78'],
    ['+33 (0)6 12 34 56 78', '+33 (0)6 12 34 56 78'],
    ['UK: +44 7911 123456', '+44 7911 123456'],
    ['+1 415 555 2671 anytime', '+1 415 555 2671'],
  ])('finds the phone in %j', (text, phone) => {
    expect(values(detectPhones(text))).toEqual([phone]);
  });

  it.each([
    'ma commande 4512 n’est pas arrivée',
    'commande n° 0612345678 toujours en attente',
    'order #0612345678',
    'le manteau est à 1 299,00 € au lieu de 149,90 €',
    'livré le 12/03/2024, ou 12.03.2024, ou 2024-03-12',
    'je suis au 75011 Paris, 13 rue de la Paix',
    'prix +15 000 en un an',
    'suivi colis 6A12345678901',
    'il me reste 06 jours',
  ])('ignores %j', (text) => {
    expect(detectPhones(text)).toEqual([]);
  });
});

describe('detectEmails', () => {
  it('finds emails, accents included', () => {
    expect(values(detectEmails('écrivez à jean.dupont+sav@gmail.com ou à hélène@exemple.fr.'))).toEqual([
      'jean.dupont+sav@gmail.com', 'hélène@exemple.fr',
    ]);
  });

  it('ignores a lone @ mention', () => {
    expect(detectEmails('merci @boutique_lyon !')).toEqual([]);
  });
});

describe('detectIbans', () => {
  it('finds a valid IBAN with or without spaces, in any case', () => {
    expect(values(detectIbans('IBAN : FR76 3000 6000 0112 3456 7890 189 merci'))).toEqual(['FR76 3000 6000 0112 3456 7890 189']);
    expect(values(detectIbans('fr7630006000011234567890189'))).toEqual(['fr7630006000011234567890189']);
    expect(values(detectIbans('DE89 3704 0044 0532 0130 00'))).toEqual(['DE89 3704 0044 0532 0130 00']);
  });

  it('ignores a wrong checksum and random letters and digits', () => {
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(detectIbans('FR76 3000 6000 0112 3456 7890 188')).toEqual([]);
    expect(detectIbans('ref AB12 CD34 EF56 GH78')).toEqual([]);
  });
});

describe('detectCardNumbers', () => {
  it('finds Luhn-valid numbers of 13 to 19 digits with separators', () => {
    expect(values(detectCardNumbers('carte 4111 1111 1111 1111 exp 12/27'))).toEqual(['4111 1111 1111 1111']);
    expect(values(detectCardNumbers('5555-5555-5555-4444'))).toEqual(['5555-5555-5555-4444']);
    expect(values(detectCardNumbers('378282246310005'))).toEqual(['378282246310005']);
  });

  it('ignores Luhn-invalid numbers and short runs', () => {
    expect(detectCardNumbers('4111 1111 1111 1112')).toEqual([]);
    expect(detectCardNumbers('commande 123456789012')).toEqual([]);
  });

  it('does not read the digits of an IBAN as a card', () => {
    expect(detectCardNumbers('FR76 3000 6000 0112 3456 7890 189')).toEqual([]);
  });
});

describe('detectLinks and detectShortenedLinks', () => {
  it('finds links with a scheme, www, or a known TLD, without trailing punctuation', () => {
    expect(values(detectLinks('voir https://exemple.com/a?b=1, www.boutique.fr et promo.shop.'))).toEqual([
      'https://exemple.com/a?b=1', 'www.boutique.fr', 'promo.shop',
    ]);
  });

  it('does not take an email domain, "c.o.n" or an abbreviation for a link', () => {
    expect(detectLinks('jean@gmail.com, c.o.n, M.Dupont, etc.Merci')).toEqual([]);
  });

  it('singles out URL shorteners', () => {
    const text = 'Gagnez ici bit.ly/3xYz et https://tinyurl.com/abc ou t.co/q, pas www.laredoute.fr';
    expect(values(detectShortenedLinks(text))).toEqual(['bit.ly/3xYz', 'https://tinyurl.com/abc', 't.co/q']);
    expect(detectShortenedLinks('https://t.com/x')).toEqual([]);
  });
});

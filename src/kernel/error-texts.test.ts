import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorCatalogue } from './errors.ts';
import { errorTexts, languageFrom } from './error-texts.ts';
import { say } from './field-messages.ts';
import { parseInput } from './validate.ts';

describe('error texts', () => {
  it('every code of the catalogue has a French and an English sentence, and they differ', () => {
    const codes = Object.keys(errorCatalogue) as (keyof typeof errorCatalogue)[];
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) {
      const text = errorTexts[code];
      expect(text, code).toBeDefined();
      expect(text.fr.trim().length, `${code} fr`).toBeGreaterThan(5);
      expect(text.en.trim().length, `${code} en`).toBeGreaterThan(5);
      expect(text.fr, `${code} is not translated`).not.toBe(text.en);
    }
    expect(Object.keys(errorTexts).sort()).toEqual([...codes].sort());
  });

  it('reads the caller language from Accept-Language, English when it names neither', () => {
    expect(languageFrom('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(languageFrom('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(languageFrom('de-DE,fr;q=0.5')).toBe('fr');
    expect(languageFrom('en;q=0.2, fr;q=0.7')).toBe('fr');
    expect(languageFrom('fr;q=0')).toBe('en');
    expect(languageFrom(undefined)).toBe('en');
    expect(languageFrom('*')).toBe('en');
  });
});

describe('field messages', () => {
  const schema = z.strictObject({
    password: z.string().min(10),
    email: z.email(),
    colour: z.string().regex(/^#[0-9a-f]{6}$/, say('Une couleur comme #1f6feb.', 'A colour like #1f6feb.')),
    role: z.enum(['agent', 'admin']),
    count: z.number().int().max(3),
  });
  const bad = { password: 'short', email: 'nope', colour: 'red', role: 'emperor', count: 9, extra: 1 };

  function failure(input: unknown) {
    try {
      parseInput(schema, input);
    } catch (error) {
      return error as { code: string; fields: Record<string, string[]>; frenchFields: Record<string, string[]> };
    }
    throw new Error('expected a failure');
  }

  it('words each field for a shop team in French and in English', () => {
    const error = failure(bad);
    expect(error.code).toBe('request.invalid');
    expect(error.frenchFields).toEqual({
      password: ['Au moins 10 caractères.'],
      email: ['Saisissez une adresse e-mail valide.'],
      colour: ['Une couleur comme #1f6feb.'],
      role: ['Valeur non reconnue (attendu : "agent", "admin").'],
      count: ['Doit valoir au plus 3.'],
      extra: ['Champ inconnu.'],
    });
    expect(error.fields).toEqual({
      password: ['At least 10 characters.'],
      email: ['Enter a valid email address.'],
      colour: ['A colour like #1f6feb.'],
      role: ['Unknown value (expected: "agent", "admin").'],
      count: ['Must be at most 3.'],
      extra: ['unknown field'],
    });
  });

  it('says a missing field is required', () => {
    const error = failure({});
    expect(error.frenchFields.password).toEqual(['Champ obligatoire.']);
    expect(error.fields.password).toEqual(['Required.']);
  });
});

import { describe, expect, it } from 'vitest';
import { charterSchema, defaultCharter, type Charter } from './charter.ts';
import { evaluateCharter, MAX_CHECKED_LENGTH } from './evaluate-charter.ts';
import { maskEvidence } from './mask-evidence.ts';

const clauseIds = (text: string, charter: Charter = defaultCharter) =>
  evaluateCharter(charter, text).matches.map((m) => m.clauseId);

describe('evaluateCharter with the default charter', () => {
  it('returns no match and no action for an ordinary comment', () => {
    expect(evaluateCharter(defaultCharter, 'Bonjour, ma commande 4512 est arrivée, merci ! Contact rapide.'))
      .toEqual({ matches: [], action: null });
  });

  it('hides a comment with a phone number, masked, with clause title and version', () => {
    const verdict = evaluateCharter(defaultCharter, 'Rappelez-moi au 06 12 34 56 78');
    expect(verdict.action).toBe('hide');
    expect(verdict.matches).toEqual([{
      clauseId: 'donnees-personnelles', clauseTitle: 'Données personnelles', version: 1,
      action: 'hide', evidence: '06 •• •• •• 78', detector: 'phone',
    }]);
  });

  it('never returns personal data in clear', () => {
    const text = 'tel +33 6 12 34 56 78, mail jean.dupont@gmail.com, IBAN FR76 3000 6000 0112 3456 7890 189, CB 4111 1111 1111 1111';
    const evidence = evaluateCharter(defaultCharter, text).matches.map((m) => [m.detector, m.evidence]);
    expect(evidence).toEqual([
      ['phone', '+33 6 •• •• •• 78'],
      ['email', 'j•••@g•••.com'],
      ['iban', 'FR•• •••• •••• •••• •••• •••• 189'],
      ['card_number', '•••• •••• •••• 1111'],
    ]);
  });

  it('finds insults regardless of case, accents and simple obfuscation', () => {
    for (const text of ['Quel CONNARD', 'bande de connnnnards', 'espèce de c.o.n', 'sale conard', 'c.o.n.n.n.a.r.d', 'pauvre c-o-n-n-e', 'c0nnasse va', 'ENCULE', 'you m0r0n', 'FUCK YOU', 'l’abruti']) {
      expect(clauseIds(text), text).toEqual(['insultes']);
    }
  });

  it('keeps word boundaries: no insult inside ordinary words', () => {
    for (const text of ['avec plaisir', 'Je vous contacte', 'une dispute avec le livreur', 'un cône de glace', 'a cone', 'les conditions', 'connaître', 'computer']) {
      expect(clauseIds(text), text).toEqual([]);
    }
  });

  it('shows the insult as written, since it is not personal data', () => {
    expect(evaluateCharter(defaultCharter, 'espèce de C.O.N !').matches[0]?.evidence).toBe('C.O.N');
  });

  it('lets hide win over flag', () => {
    expect(evaluateCharter(defaultCharter, 'Voir www.autre-boutique.fr').action).toBe('flag');
    const verdict = evaluateCharter(defaultCharter, 'connard, voir www.autre-boutique.fr');
    expect(verdict.matches.map((m) => m.action)).toEqual(['hide', 'flag']);
    expect(verdict.action).toBe('hide');
  });

  it('hides shortened links as spam and flags them as links too', () => {
    const verdict = evaluateCharter(defaultCharter, 'iPhone gratuit ici : bit.ly/abc');
    expect(verdict.matches.map((m) => [m.clauseId, m.detector])).toEqual([['spam-arnaques', 'shortened_link'], ['liens', 'link']]);
    expect(verdict.action).toBe('hide');
  });

  it('uses competitor names once the shop fills them in, with its own version', () => {
    const charter: Charter = {
      version: 3,
      clauses: defaultCharter.clauses.map((c) => c.id === 'concurrence' ? { ...c, detection: { keywords: ['Zalando', 'la redoute'] } } : c),
    };
    const verdict = evaluateCharter(charter, 'moins cher chez La Redoute');
    expect(verdict.matches).toMatchObject([{ clauseId: 'concurrence', version: 3, action: 'flag', evidence: 'La Redoute' }]);
  });

  it('applies patterns to folded text', () => {
    const charter: Charter = { version: 1, clauses: [{ id: 'promo', title: 'Codes', description: '', detection: { patterns: ['code promo \\w+'] }, action: 'flag' }] };
    expect(evaluateCharter(charter, 'CODE PROMO ÉTÉ20').matches[0]?.evidence).toBe('CODE PROMO ÉTÉ20');
  });
});

describe('evaluateCharter limits', () => {
  it('only reads the first MAX_CHECKED_LENGTH characters', () => {
    expect(evaluateCharter(defaultCharter, `${'x'.repeat(MAX_CHECKED_LENGTH)} 06 12 34 56 78`).action).toBeNull();
  });

  it('stays fast on adversarial input', () => {
    const started = performance.now();
    for (const text of ['a'.repeat(10_000), '0 '.repeat(5_000), 'c.'.repeat(5_000), 'a.b'.repeat(3_000) + '@', 'FR76 '.repeat(2_000)]) {
      evaluateCharter(defaultCharter, text);
    }
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('skips a pattern that does not compile instead of throwing', () => {
    const charter: Charter = { version: 1, clauses: [{ id: 'x', title: 'X', description: '', detection: { patterns: ['(oops', 'ok'] }, action: 'flag' }] };
    expect(evaluateCharter(charter, 'ok').action).toBe('flag');
  });
});

describe('charterSchema', () => {
  it('accepts the default charter', () => {
    expect(charterSchema.parse(defaultCharter)).toEqual(defaultCharter);
  });

  const withPattern = (pattern: string) => ({
    version: 1, clauses: [{ id: 'x', title: 'X', description: '', detection: { patterns: [pattern] }, action: 'hide' }],
  });

  it.each([
    ['an invalid regex', '(abc'],
    ['a nested quantifier', '(a+)+$'],
    ['a backreference', '(a)\\1'],
    ['an overlong pattern', 'a'.repeat(201)],
  ])('rejects %s', (_name, pattern) => {
    expect(charterSchema.safeParse(withPattern(pattern)).success).toBe(false);
  });

  it('rejects duplicate clause ids and unknown detectors', () => {
    const clause = defaultCharter.clauses[0]!;
    expect(charterSchema.safeParse({ version: 2, clauses: [clause, clause] }).success).toBe(false);
    expect(charterSchema.safeParse({ version: 2, clauses: [{ ...clause, detection: { detectors: ['ssn'] } }] }).success).toBe(false);
  });
});

describe('maskEvidence', () => {
  it('truncates long non-personal evidence', () => {
    expect(maskEvidence('x'.repeat(100))).toHaveLength(80);
  });
});

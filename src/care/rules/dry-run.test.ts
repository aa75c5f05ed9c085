import { describe, expect, it } from 'vitest';
import { DRY_RUN_SAMPLES, dryRun } from './dry-run.ts';
import { factsFor, ruleFor } from './testing.ts';

const rule = ruleFor({ conditions: [{ type: 'text_contains', terms: ['remboursé'] }] });

describe('dryRun', () => {
  it('counts matching past messages and returns them in order', () => {
    const messages = [
      factsFor({ text: 'pas REMBOURSE' }),
      factsFor({ text: 'merci' }),
      factsFor({ text: 'Remboursé ?' }),
    ];
    const result = dryRun(rule, messages);
    expect(result.matched).toBe(2);
    expect(result.samples.map((m) => m.text)).toEqual(['pas REMBOURSE', 'Remboursé ?']);
  });

  it('keeps the first 20 samples but counts every match', () => {
    const messages = Array.from({ length: 45 }, (_, i) => factsFor({ text: `remboursé ${i}` }));
    const result = dryRun(rule, messages);
    expect(result.matched).toBe(45);
    expect(result.samples).toHaveLength(DRY_RUN_SAMPLES);
    expect(result.samples[0]?.text).toBe('remboursé 0');
    expect(result.samples[19]?.text).toBe('remboursé 19');
  });

  it('tests a rule that is not enabled yet, and returns nothing for no messages', () => {
    expect(dryRun({ ...rule, enabled: false }, [factsFor({ text: 'remboursé' })]).matched).toBe(1);
    expect(dryRun(rule, [])).toEqual({ matched: 0, samples: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { score } from './metrics.ts';

describe('score', () => {
  it('gives accuracy, macro-F1 and the confusion matrix', () => {
    const s = score(['negative', 'positive'] as const, ['negative', 'negative', 'positive', 'positive'], ['negative', 'positive', 'positive', 'positive']);
    expect(s.accuracy).toBe(0.75);
    expect(s.confusion).toEqual({ negative: { negative: 1, positive: 1 }, positive: { negative: 0, positive: 2 } });
    expect(s.perLabelF1.negative).toBeCloseTo(2 / 3);
    expect(s.perLabelF1.positive).toBeCloseTo(0.8);
    expect(s.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it('counts a prediction outside the labels as wrong', () => {
    const s = score(['negative', 'positive'], ['negative', 'positive'], ['neutral', 'positive']);
    expect(s.accuracy).toBe(0.5);
  });
});

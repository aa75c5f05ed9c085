import { describe, expect, it } from 'vitest';
import { formatScore, readModelSummary } from './model-summary.ts';

describe('team model summary', () => {
  it('reads what the server stores: examples, the measured figures, examples per intent', () => {
    const summary = { sentimentExamples: 42, measured: { folds: 5, defaultMacroF1: 0.61, modelMacroF1: 0.74 }, intents: { question: 3, 'order_issue/delivery': 9, spam: 0 } };
    expect(readModelSummary(summary)).toEqual({
      sentimentExamples: 42,
      measured: { folds: 5, defaultMacroF1: 0.61, modelMacroF1: 0.74 },
      intents: [['order_issue/delivery', 9], ['question', 3], ['spam', 0]],
      other: [],
    });
  });

  it('leaves out what is missing or malformed, and keeps unknown numbers by name', () => {
    expect(readModelSummary(null)).toEqual({ intents: [], other: [] });
    expect(readModelSummary({ measured: { folds: 5, modelMacroF1: 'high' }, intents: [1, 2], epochs: 30, note: 'x' })).toEqual({ intents: [], other: [['epochs', 30]] });
  });

  it('shows a macro-F1 as a percentage in the reader’s language', () => {
    expect(formatScore('en', 0.7234)).toBe('72.3%');
    expect(formatScore('fr', 0.7234).replace(/\s/g, ' ')).toBe('72,3 %');
  });
});

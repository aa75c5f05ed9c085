/**
 * Measures a workspace model the only honest way its own corrections allow: k-fold
 * cross-validation, each fold predicted by a model that never saw it. The figures are
 * stored with the model (for the admin view) and decide whether it may take over from the
 * default: a model that does not beat the default on held-out corrections is not used.
 */
import { SENTIMENTS, type Sentiment } from './classifier.ts';
import { score } from './metrics.ts';
import { fitSentiment, sentimentProbabilities, type SentimentWeights } from './train-logistic.ts';
import type { PreparedExample } from './workspace-model.ts';

export interface Measured {
  folds: number;
  /** Macro-F1 on held-out corrections, over the sentiments they contain. */
  defaultMacroF1: number;
  modelMacroF1: number;
}

const FOLDS = 5;

export function crossValidateSentiment(examples: PreparedExample[], previous: SentimentWeights | undefined, epochs: number): Measured {
  const gold = examples.map((e) => e.correction.sentiment!);
  const present = SENTIMENTS.filter((s) => gold.includes(s));
  const byModel: Sentiment[] = new Array<Sentiment>(examples.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = examples.filter((_, i) => i % FOLDS !== fold);
    const model = fitSentiment(training, previous, epochs);
    examples.forEach((example, i) => {
      if (i % FOLDS !== fold) return;
      const p = sentimentProbabilities(model, example.sentiment);
      // Only the sentiments the team uses compete (a shop that never marks "neutral").
      const best = Math.max(...SENTIMENTS.map((s, c) => (present.includes(s) ? p[c]! : -1)));
      byModel[i] = SENTIMENTS[p.indexOf(best)]!;
    });
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const byDefault = examples.map((e) => (present.includes(e.base.sentiment) ? e.base.sentiment : leaning(e.base.score, present)));
  return {
    folds: FOLDS,
    defaultMacroF1: round(score(present, gold, byDefault).macroF1),
    modelMacroF1: round(score(present, gold, byModel).macroF1),
  };
}

/** The default's answer mapped onto the sentiments in use, by the sign of its score. */
function leaning(value: number, present: readonly Sentiment[]): Sentiment {
  const side: Sentiment = value < 0 ? 'negative' : 'positive';
  return present.includes(side) ? side : present[0]!;
}

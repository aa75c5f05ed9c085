/**
 * Accuracy, macro-F1 and the confusion matrix: the figures the evaluation script prints
 * and the retrain job will show admins next to a workspace model's version.
 */

export interface Scores<L extends string> {
  labels: readonly L[];
  accuracy: number;
  /** Mean of per-label F1; a label never predicted nor present counts 0. */
  macroF1: number;
  perLabelF1: Record<L, number>;
  /** confusion[actual][predicted] = count. */
  confusion: Record<L, Record<L, number>>;
  count: number;
}

/**
 * Scores predictions against gold labels.
 *
 * @example score(['negative', 'positive'], ['negative', 'negative'], ['negative', 'positive']).accuracy === 0.5
 */
export function score<L extends string>(labels: readonly L[], gold: readonly L[], predicted: readonly L[]): Scores<L> {
  const confusion = Object.fromEntries(labels.map((a) => [a, Object.fromEntries(labels.map((p) => [p, 0]))])) as Record<L, Record<L, number>>;
  let correct = 0;
  gold.forEach((actual, i) => {
    const guess = predicted[i]!;
    // A prediction outside `labels` (neutral on a two-class set) is simply wrong.
    if (guess in confusion[actual]) confusion[actual][guess] += 1;
    if (actual === guess) correct++;
  });
  const perLabelF1 = {} as Record<L, number>;
  for (const label of labels) {
    const tp = confusion[label][label];
    const fp = labels.reduce((sum, other) => sum + (other === label ? 0 : confusion[other][label]), 0);
    const fn = labels.reduce((sum, other) => sum + (other === label ? 0 : confusion[label][other]), 0);
    perLabelF1[label] = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  const macroF1 = labels.reduce((sum, label) => sum + perLabelF1[label], 0) / labels.length;
  return { labels, accuracy: gold.length === 0 ? 0 : correct / gold.length, macroF1, perLabelF1, confusion, count: gold.length };
}

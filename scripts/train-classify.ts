/**
 * `npm run train:classify`: trains the shipped sentiment model and writes
 * `src/insight/sentiment-model.json` (byte for byte the same on every run: fixed seed,
 * fixed order, rounded weights), then, when the development sets are at hand, measures it
 * on their held-apart rows and writes `src/insight/sentiment-model.confusion.json`.
 *
 * What it learns from is Relais's own labeled corpus (`src/insight/care-corpus.ts`, written
 * for this project) and the entries of the permissively licensed lexicons. The development
 * sets in ../shared/data/sentiment/ are research / non-commercial: the shipped model is
 * never trained on them. `-- --with-dev-sets --out FILE` trains a comparison model that also
 * learns from their train splits (never their test or val rows); such a file is for
 * measurement only and must not be committed.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTrainingExamples, measureHeldApart } from './sentiment-training.ts';
import { DEFAULT_SETTINGS, serializeSentimentModel, trainSentimentModel } from '../src/insight/train-sentiment-model.ts';

function main(): void {
  const args = process.argv.slice(2);
  const withDevSets = args.includes('--with-dev-sets');
  const outAt = args.indexOf('--out');
  const shipped = fileURLToPath(new URL('../src/insight/sentiment-model.json', import.meta.url));
  const out = outAt >= 0 && args[outAt + 1] ? resolve(args[outAt + 1]!) : shipped;
  if (withDevSets && out === shipped) throw new Error('--with-dev-sets needs --out FILE outside the repository: a model trained on the development sets is not shippable');
  const started = Date.now();
  const { examples, trainedOn } = buildTrainingExamples({ withDevSets });
  const file = trainSentimentModel(examples, DEFAULT_SETTINGS, trainedOn);
  const text = serializeSentimentModel(file);
  writeFileSync(out, text);
  console.log(`train:classify: ${examples.length} examples (${Object.entries(trainedOn).map(([k, v]) => `${k} ${v}`).join(', ')}), ${file.buckets.length} buckets, temperature ${file.temperature}, ${(text.length / 1e6).toFixed(2)} MB → ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (withDevSets) return;
  const confusion = measureHeldApart(file);
  if (!confusion) {
    console.log('train:classify: no development sets at hand; the confusion matrix file is left as it is');
    return;
  }
  const confusionOut = fileURLToPath(new URL('../src/insight/sentiment-model.confusion.json', import.meta.url));
  writeFileSync(confusionOut, `${JSON.stringify(confusion, null, 2)}\n`);
  console.log(`train:classify: confusion matrix on held-apart rows → ${confusionOut}`);
}

main();

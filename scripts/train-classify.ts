/**
 * `npm run train:classify`: trains the shipped sentiment model and writes
 * `src/insight/sentiment-model.json` (byte for byte the same on every run: fixed seed,
 * fixed order, rounded weights) and `src/insight/sentiment-model.confusion.json`, its
 * confusion on its own corpus's messages predicted out of fold (also byte for byte).
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
import { buildTrainingExamples } from './sentiment-training.ts';
import { DEFAULT_SETTINGS, serializeConfusion, serializeSentimentModel, trainSentimentModelAndConfusion } from '../src/insight/train-sentiment-model.ts';

function main(): void {
  const args = process.argv.slice(2);
  const withDevSets = args.includes('--with-dev-sets');
  const outAt = args.indexOf('--out');
  const shipped = fileURLToPath(new URL('../src/insight/sentiment-model.json', import.meta.url));
  const out = outAt >= 0 && args[outAt + 1] ? resolve(args[outAt + 1]!) : shipped;
  if (withDevSets && out === shipped) throw new Error('--with-dev-sets needs --out FILE outside the repository: a model trained on the development sets is not shippable');
  const started = Date.now();
  const { examples, trainedOn } = buildTrainingExamples({ withDevSets });
  const { model: file, confusion } = trainSentimentModelAndConfusion(examples, DEFAULT_SETTINGS, trainedOn);
  const text = serializeSentimentModel(file);
  writeFileSync(out, text);
  console.log(`train:classify: ${examples.length} examples (${Object.entries(trainedOn).map(([k, v]) => `${k} ${v}`).join(', ')}), ${file.buckets.length} buckets, temperature ${file.temperature}, ${(text.length / 1e6).toFixed(2)} MB → ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (withDevSets || !confusion) return;
  const confusionOut = fileURLToPath(new URL('../src/insight/sentiment-model.confusion.json', import.meta.url));
  writeFileSync(confusionOut, serializeConfusion(confusion));
  console.log(`train:classify: out-of-fold confusion on ${confusion.messages} corpus messages (expected calibration error ${confusion.expectedCalibrationError}) → ${confusionOut}`);
}

main();

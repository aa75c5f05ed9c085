/**
 * `npm run reports:confusion`: checks the reports' adjusted sentiment share on labeled data
 * held apart from what built its correction (docs/metrics.md). For each language it plays a
 * workspace whose agents labelled N messages of the `train`/`val` splits of the shared
 * three-class sets, then compares the raw and adjusted shares with the true shares on
 * samples of the `test` split, also with the build-time confusion alone (N = 0). Prints
 * only: nothing measured on those sets is written into the repository (their licences are
 * research / non-commercial); the build-time confusion comes from `npm run train:classify`.
 */
import { createDefaultClassifier } from '../src/insight/index.ts';
import { adjustedShareWithInterval } from '../src/reports/adjust-share.ts';
import { l1, readLabeled, sampleMixes, sentimentDataFolder } from '../src/reports/labeled-sentiment.ts';
import { confusionWithCorrections } from '../src/reports/sentiment-report.ts';

const folder = sentimentDataFolder();
if (!folder) {
  console.error('The labeled sets (shared/data/sentiment) are not here; set RELAIS_SENTIMENT_DATA.');
  process.exit(1);
}
const classifier = createDefaultClassifier();
for (const language of ['en', 'fr'] as const) {
  const answer = (row: { text: string }) => classifier.classify(row.text, { language }).sentiment;
  const pool = readLabeled(folder, language, 'corrections').map((row) => ({ truth: row.label, answer: answer(row) }));
  const evaluation = readLabeled(folder, language, 'evaluation');
  console.log(`${language}: ${evaluation.length} test rows; mean L1 error over ${5} mixes`);
  for (const n of [0, 100, 300, 1000, pool.length]) {
    const confusion = confusionWithCorrections(pool.slice(0, n));
    const results = sampleMixes(evaluation, answer, (observed) => adjustedShareWithInterval(observed, [0, 0, 0], confusion)!);
    const raw = results.reduce((sum, r) => sum + l1(r.raw, r.truth), 0) / results.length;
    const adjusted = results.reduce((sum, r) => sum + l1(r.adjusted, r.truth), 0) / results.length;
    const covered = results.reduce((sum, r) => sum + r.truth.filter((t, k) => t >= r.low[k]! && t <= r.high[k]!).length, 0);
    console.log(`  ${String(n).padStart(5)} corrections: raw ${raw.toFixed(3)}  adjusted ${adjusted.toFixed(3)}  closer on ${results.filter((r) => l1(r.adjusted, r.truth) < l1(r.raw, r.truth)).length}/${results.length}  truth inside the 95 % interval ${covered}/${results.length * 3}`);
  }
}

/**
 * `npm run reports:confusion`: measures the shipped classifier's sentiment confusion on the
 * calibration half of the held-apart labeled sets and writes
 * `src/reports/sentiment-confusion.json`, which the sentiment report uses to adjust shares
 * (docs/metrics.md). Run again whenever the classifier changes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDefaultClassifier, SENTIMENTS } from '../src/insight/index.ts';
import { readHeldApart, sentimentDataFolder } from '../src/reports/labeled-sentiment.ts';

const folder = sentimentDataFolder();
if (!folder) {
  console.error('The labeled sets (shared/data/sentiment) are not here; set RELAIS_SENTIMENT_DATA.');
  process.exit(1);
}
const classifier = createDefaultClassifier();
const rows = readHeldApart(folder, 'calibration');
const counts = SENTIMENTS.map(() => SENTIMENTS.map(() => 0));
for (const row of rows) counts[SENTIMENTS.indexOf(row.label)]![SENTIMENTS.indexOf(classifier.classify(row.text, { language: row.language }).sentiment)]! += 1;
const out = {
  about: 'Confusion of the default classifier: rows the true label, columns the predicted one, order negative, neutral, positive. Made by scripts/reports-confusion.ts.',
  classifier: 'default',
  measuredOn: 'val and test splits of en_tweets_semeval2017.csv and fr_tweets_deft2017.csv, calibration half (sha256(text)[0] even)',
  messages: rows.length,
  labels: SENTIMENTS,
  counts,
};
writeFileSync(fileURLToPath(new URL('../src/reports/sentiment-confusion.json', import.meta.url)), `${JSON.stringify(out, null, 2)}\n`);
console.log(`confusion measured on ${rows.length} messages:`);
for (const [t, row] of counts.entries()) console.log(`  ${SENTIMENTS[t]!.padEnd(8)} → ${row.join('\t')}`);

import { describe, expect, it } from 'vitest';
import { dataFiles, loadSets } from './sentiment-sets.ts';
import { devTrainRows } from './sentiment-training.ts';

const files = dataFiles();
const absent = files.length === 0;
if (absent) console.log('sentiment-sets.test: no development sets (../shared/data/sentiment or RELAIS_SENTIMENT_DATA); skipped');

describe.skipIf(absent)('the development sets as eval:classify and train:classify read them', () => {
  const sets = loadSets(files);

  it('keeps train, val and test rows apart exactly as each file says', () => {
    for (const set of sets) {
      expect(set.test.length, set.name).toBeGreaterThan(0);
      if (set.test.some((r) => r.split !== 'all')) {
        expect(set.train.every((r) => r.split === 'train'), set.name).toBe(true);
        expect(set.val.every((r) => r.split === 'val'), set.name).toBe(true);
        expect(set.test.every((r) => r.split === 'test'), set.name).toBe(true);
      }
    }
    // A file with no split at all (the translated Sentiment140) is measured, never trained on.
    const unsplit = sets.filter((s) => s.train.length === 0);
    expect(unsplit.map((s) => s.name)).toContain('fr_tweets_translated_s140_20k');
  });

  it('trains the comparison model on train rows only: no test or val row is ever among them', () => {
    const trained = devTrainRows();
    for (const { set, rows } of trained) {
      const held = sets.find((s) => s.name === set)!;
      expect(rows).toEqual(held.train);
    }
    expect(trained.map((t) => t.set)).not.toContain('fr_tweets_translated_s140_20k');
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDefaultClassifier, SENTIMENTS } from '../insight/index.ts';
import { adjustedShareWithInterval, adjustShares, confusionRates, type ConfusionCounts, type Triple } from './adjust-share.ts';
import { readHeldApart, sentimentDataFolder, type LabeledText } from './labeled-sentiment.ts';
import buildTime from './sentiment-confusion.json' with { type: 'json' };

describe('adjusted classify-and-count', () => {
  it('undoes a known confusion exactly (hand-computed)', () => {
    // True shares 50/30/20. The classifier calls 20 % of negatives neutral and 10 % of
    // positives neutral: observed = (0.4, 0.3·1 + 0.5·0.2 + 0.2·0.1, 0.18) = (0.4, 0.42, 0.18).
    const counts: ConfusionCounts = [[80, 20, 0], [0, 100, 0], [0, 10, 90]];
    const adjusted = adjustShares([0.4, 0.42, 0.18], confusionRates(counts));
    expect(adjusted.map((v) => Number(v.toFixed(9)))).toEqual([0.5, 0.3, 0.2]);
  });

  it('keeps agent-labelled messages as they are and gives a seeded interval around the share', () => {
    const counts: ConfusionCounts = [[80, 20, 0], [0, 100, 0], [0, 10, 90]];
    // 1,000 model-labelled (observed 400/420/180) plus 100 agent-labelled negatives.
    const result = adjustedShareWithInterval([400, 420, 180], [100, 0, 0], counts)!;
    expect(result.share[0]).toBeCloseTo((0.5 * 1000 + 100) / 1100, 9);
    for (let k = 0; k < 3; k++) {
      expect(result.low[k]).toBeLessThanOrEqual(result.share[k]!);
      expect(result.high[k]).toBeGreaterThanOrEqual(result.share[k]!);
    }
    expect(adjustedShareWithInterval([400, 420, 180], [100, 0, 0], counts)).toEqual(result);
    expect(adjustedShareWithInterval([0, 0, 0], [0, 0, 0], counts)).toBeNull();
  });
});

const folder = sentimentDataFolder();
if (!folder && process.env.CI === 'true') throw new Error('CI=true requires the labeled sets in shared/data/sentiment');
if (!folder) console.warn('shared/data/sentiment is absent: skipping the held-apart adjustment test');

describe.skipIf(!folder)('adjusted share on held-apart labeled data', () => {
  it('keeps the true share inside its 95 % interval on held-apart samples of several mixes, and says how close raw and adjusted are', () => {
    const classifier = createDefaultClassifier();
    const rows = readHeldApart(folder!, 'evaluation');
    // Each label's messages in a seeded random order, so a sample mixes both languages as the
    // calibration half does (the files list English first).
    const order = (text: string) => createHash('sha256').update(`sample:${text}`).digest().readUInt32BE(0);
    const byLabel = SENTIMENTS.map((label) => rows.filter((row) => row.label === label).sort((a, b) => order(a.text) - order(b.text)));
    const predicted = new Map<LabeledText, number>(rows.map((row) => [row, SENTIMENTS.indexOf(classifier.classify(row.text, { language: row.language }).sentiment)]));
    // Mixes like a brand's mentions (40/30 and others), each drawn from the evaluation half only.
    const mixes: Triple[] = [[0.3, 0.3, 0.4], [0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.15, 0.35, 0.5], [0.6, 0.25, 0.15]];
    let rawError = 0;
    let adjustedError = 0;
    let closer = 0;
    let covered = 0;
    for (const mix of mixes) {
      const size = Math.min(...byLabel.map((list, k) => Math.floor(list.length / mix[k]!)));
      const sample = byLabel.flatMap((list, k) => list.slice(0, Math.round(size * mix[k]!)));
      const truth = SENTIMENTS.map((_, k) => sample.filter((row) => SENTIMENTS.indexOf(row.label) === k).length / sample.length) as Triple;
      const observed: Triple = [0, 0, 0];
      for (const row of sample) observed[predicted.get(row)!]! += 1;
      const raw = observed.map((count) => count / sample.length) as Triple;
      const result = adjustedShareWithInterval(observed, [0, 0, 0], buildTime.counts as ConfusionCounts)!;
      const adjusted = result.share;
      covered += truth.filter((value, k) => value >= result.low[k]! && value <= result.high[k]!).length;
      const l1 = (share: Triple) => share.reduce((total, value, k) => total + Math.abs(value - truth[k]!), 0);
      rawError += l1(raw);
      adjustedError += l1(adjusted);
      if (l1(adjusted) < l1(raw)) closer += 1;
      console.info(`mix ${mix.join("/")} n=${sample.length} raw ${l1(raw).toFixed(3)} adjusted ${l1(adjusted).toFixed(3)}`);
    }
    console.info(`held-apart: mean L1 error raw ${(rawError / mixes.length).toFixed(3)}, adjusted ${(adjustedError / mixes.length).toFixed(3)}; closer on ${closer}/${mixes.length}; true shares inside the 95 % interval ${covered}/${mixes.length * 3}`);
    // With the classifier retrained on Relais's own corpus (issue 20) its bias on these sets is
    // small, and with ~1,200 calibration messages the correction's noise is of the same size:
    // the adjusted share is not reliably closer than the raw one here (it was, 0.38 → 0.12 mean
    // L1, with the earlier rule-based model). What must hold is that the interval is honest.
    expect(covered).toBeGreaterThanOrEqual(13);
  });
});

/**
 * The team model's `summary` is JSON the server describes loosely (src/insight: sentiment
 * examples, the cross-validated macro-F1 of the model against the built-in one, examples per
 * intent). Read what is there and nothing else: a field missing or of another shape is left
 * out, and an unknown number is still shown, under its own name.
 */
export interface ModelSummary {
  sentimentExamples?: number;
  measured?: { folds: number; defaultMacroF1: number; modelMacroF1: number };
  /** [intent key, examples], most first. */
  intents: [string, number][];
  /** Other top-level numbers the server may add, by name. */
  other: [string, number][];
}

const known = new Set(['sentimentExamples', 'measured', 'intents']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function readModelSummary(summary: unknown): ModelSummary {
  const result: ModelSummary = { intents: [], other: [] };
  if (!isRecord(summary)) return result;
  if (isNumber(summary.sentimentExamples)) result.sentimentExamples = summary.sentimentExamples;
  const m = summary.measured;
  if (isRecord(m) && isNumber(m.folds) && isNumber(m.defaultMacroF1) && isNumber(m.modelMacroF1)) {
    result.measured = { folds: m.folds, defaultMacroF1: clamp01(m.defaultMacroF1), modelMacroF1: clamp01(m.modelMacroF1) };
  }
  if (isRecord(summary.intents)) {
    result.intents = Object.entries(summary.intents).filter((entry): entry is [string, number] => isNumber(entry[1])).sort((a, b) => b[1] - a[1]);
  }
  result.other = Object.entries(summary).filter((entry): entry is [string, number] => !known.has(entry[0]) && isNumber(entry[1]));
  return result;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** A macro-F1 (0..1) as the percentage people read, one decimal: 0.7234 → "72,3 %" in French. */
export function formatScore(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

import { describe, expect, it } from 'vitest';
import { createBlendedClassifier, MIN_SENTIMENT_CORRECTIONS } from './blended-classifier.ts';
import { intentKey } from './classifier.ts';
import { createDefaultClassifier } from './default-classifier.ts';
import { parseWorkspaceModel } from './workspace-model-schema.ts';
import { trainWorkspaceModel, type Correction } from './workspace-model.ts';
import { ordinaryCorrections, slangCorrections } from './testing.ts';

const base = createDefaultClassifier();

const slang = slangCorrections;
const ordinary = ordinaryCorrections;

describe('workspace model', () => {
  it("learns a shop's own slang from its corrections", () => {
    const unseen = "ce bracelet c'est de la bombe";
    expect(base.classify(unseen).sentiment).not.toBe('positive');

    const model = trainWorkspaceModel([...slang, ...ordinary]);
    const blended = createBlendedClassifier(base, model);
    expect(blended.classify(unseen).sentiment).toBe('positive');
    // What the team did not correct keeps the default's reading.
    expect(blended.classify('Toujours pas reçu ma commande, inadmissible').sentiment).toBe('negative');
    expect(blended.classify('Vous livrez en Suisse ?').sentiment).toBe('neutral');
    expect(model.sentiment.measured?.modelMacroF1).toBeGreaterThan(model.sentiment.measured!.defaultMacroF1);
  });

  it('leaves the default alone until it has enough corrections', () => {
    const few = slang.slice(0, MIN_SENTIMENT_CORRECTIONS - 10);
    const blended = createBlendedClassifier(base, trainWorkspaceModel(few));
    expect(blended.classify("ce bracelet c'est de la bombe")).toEqual(base.classify("ce bracelet c'est de la bombe"));
  });

  it('learns an intent the rules miss', () => {
    const retract = ['je souhaite me rétracter', 'comment me rétracter de mon achat', 'je veux me rétracter svp', 'délai pour se rétracter ?', 'puis-je me rétracter', 'je me rétracte pour la commande 12'];
    const corrections: Correction[] = [
      ...retract.map((text) => ({ text, intents: [{ intent: 'order_issue' as const, subtype: 'return_refund' as const }] })),
      ...ordinary.map(({ text }) => ({ text, intents: base.classify(text).intents })),
    ];
    const unseen = 'je voudrais me rétracter';
    expect(base.classify(unseen).intents.map(intentKey)).not.toContain('order_issue/return_refund');
    const blended = createBlendedClassifier(base, trainWorkspaceModel(corrections));
    expect(blended.classify(unseen).intents.map(intentKey)).toContain('order_issue/return_refund');
    expect(blended.classify('Vous avez ce modèle en rouge ?').intents.map(intentKey)).not.toContain('order_issue/return_refund');
  });

  it('survives a trip through JSON storage and keeps learning from a previous model', () => {
    const first = trainWorkspaceModel(ordinary);
    const stored = parseWorkspaceModel(JSON.parse(JSON.stringify(first)));
    expect(stored).toEqual(first);
    // The retrain job passes the corrections made since `first` was trained.
    const next = trainWorkspaceModel([...slang, ...ordinary.slice(0, 14)], stored);
    expect(next.sentiment.examples).toBe(ordinary.length + slang.length + 14);
    expect(createBlendedClassifier(base, next).classify("ce bracelet c'est de la bombe").sentiment).toBe('positive');
    expect(() => parseWorkspaceModel({ ...first, hashBits: 12 })).toThrow();
  });

  it('reads a version-1 model (stacked sentiment) as intents only, its sentiment left to the default until retrained', () => {
    const v2 = trainWorkspaceModel(ordinary);
    const v1 = { ...v2, version: 1, sentiment: { examples: 40, bias: [0, 0, 0], base: [[2, 0, 0, -1], [0, 2, 0, 0], [0, 0, 2, 1]], weights: { 12: [0.1, 0, -0.1] } } };
    const read = parseWorkspaceModel(JSON.parse(JSON.stringify(v1)));
    expect(read.version).toBe(2);
    expect(read.sentiment).toEqual({ examples: 0, delta: {} });
    expect(read.intents).toEqual(v2.intents);
    expect(() => parseWorkspaceModel({ ...v2, sentiment: { examples: 1, delta: { x: [0, 0, 0] } } })).toThrow();
  });

  it('is deterministic: the same corrections give the same model', () => {
    expect(JSON.stringify(trainWorkspaceModel(ordinary))).toBe(JSON.stringify(trainWorkspaceModel(ordinary)));
  });
});

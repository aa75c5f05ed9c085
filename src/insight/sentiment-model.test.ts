import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDefaultClassifier } from './default-classifier.ts';
import { shippedTrainingExamples } from './training-examples.ts';
import { DEFAULT_SETTINGS, serializeSentimentModel, trainSentimentModel } from './train-sentiment-model.ts';

const classifier = createDefaultClassifier();
const modelFile = new URL('./sentiment-model.json', import.meta.url);
const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

describe('the shipped sentiment model', () => {
  it('is what `npm run train:classify` trains, byte for byte (the full training, a few seconds)', () => {
    const { examples, trainedOn } = shippedTrainingExamples();
    const trained = serializeSentimentModel(trainSentimentModel(examples, DEFAULT_SETTINGS, trainedOn));
    expect(sha256(trained), 'src/insight/sentiment-model.json is stale: run npm run train:classify and commit it').toBe(sha256(readFileSync(modelFile)));
  }, 60_000);

  it('stays small enough for git and quick to load', () => {
    expect(statSync(modelFile).size).toBeLessThan(3_000_000);
    const confusion = JSON.parse(readFileSync(new URL('./sentiment-model.confusion.json', import.meta.url), 'utf8')) as { all: { rates: Record<string, Record<string, number>> } };
    for (const row of Object.values(confusion.all.rates)) expect(Object.values(row).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });
});

describe('sentiment on customer-to-brand messages', () => {
  it.each([
    // waiting, asking again, money back
    ['toujours pas reçu', 'negative'],
    ['Ça fait 2 semaines que j’attends mon colis', 'negative'],
    ['remboursez-moi', 'negative'],
    ['I want my money back', 'negative'],
    ['3rd time I ask', 'negative'],
    ["c'est la 4e fois que je vous écris", 'negative'],
    // sarcasm
    ['great, another delay', 'negative'],
    ['génial, encore un retard', 'negative'],
    ['Merci pour rien', 'negative'],
    // questions and contentless text
    ['Vous livrez en Belgique ?', 'neutral'],
    ['is the blue one back in stock?', 'neutral'],
    ['Commande 48213', 'neutral'],
    ['https://example.com/p/123', 'neutral'],
    ['@maboutique', 'neutral'],
    ['ok', 'neutral'],
    // thanks and praise
    ['merci !', 'positive'],
    ['thanks a lot', 'positive'],
    ['colis reçu, nickel', 'positive'],
    // negation scope, intensifiers, elongations, capitals, emoji
    ["ce n'est pas terrible", 'negative'],
    ['pas mal du tout', 'positive'],
    ['not happy with the quality', 'negative'],
    ['TROOOP BIEN', 'positive'],
    ['NUL', 'negative'],
    ['😡😡', 'negative'],
    ['🥰', 'positive'],
  ])('%s → %s', (text, sentiment) => {
    expect(classifier.classify(text).sentiment).toBe(sentiment);
  });

  it('reads a count of orders as loyalty, not as asking again', () => {
    expect(classifier.classify('commandé 3 fois, toujours ravie').sentiment).toBe('positive');
  });
});

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDefaultClassifier } from './default-classifier.ts';
import { shippedTrainingExamples } from './training-examples.ts';
import { DEFAULT_SETTINGS, serializeConfusion, serializeSentimentModel, trainSentimentModelAndConfusion } from './train-sentiment-model.ts';

const classifier = createDefaultClassifier();
const modelFile = new URL('./sentiment-model.json', import.meta.url);
const confusionFile = new URL('./sentiment-model.confusion.json', import.meta.url);
const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

describe('the shipped sentiment model', () => {
  it('is what `npm run train:classify` trains, byte for byte, with its published confusion (the full training, a few seconds)', () => {
    const { examples, trainedOn } = shippedTrainingExamples();
    const { model, confusion } = trainSentimentModelAndConfusion(examples, DEFAULT_SETTINGS, trainedOn);
    expect(sha256(serializeSentimentModel(model)), 'src/insight/sentiment-model.json is stale: run npm run train:classify and commit it').toBe(sha256(readFileSync(modelFile)));
    expect(sha256(serializeConfusion(confusion!)), 'src/insight/sentiment-model.confusion.json is stale: run npm run train:classify and commit it').toBe(sha256(readFileSync(confusionFile)));
  }, 60_000);

  it('stays small enough for git and quick to load; its confusion counts every corpus message once', () => {
    expect(statSync(modelFile).size).toBeLessThan(3_000_000);
    const confusion = JSON.parse(readFileSync(confusionFile, 'utf8')) as { messages: number; counts: number[][]; byLanguage: Record<string, number[][]> };
    const total = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0);
    expect(total(confusion.counts)).toBe(confusion.messages);
    expect(total(confusion.byLanguage.fr!) + total(confusion.byLanguage.en!)).toBe(confusion.messages);
    expect(confusion.messages).toBe(shippedTrainingExamples().trainedOn['relais care corpus']);
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

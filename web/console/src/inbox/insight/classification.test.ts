import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { fr } from '../../i18n/fr.ts';
import { intentKeys, intentLabelKey, intentToggleCorrection, isClassifiable, rowSentiment, sentimentCorrection } from './classification.ts';

describe('intent labels', () => {
  it('names every intent the server accepts, in French and in English', () => {
    for (const intent of intentKeys) {
      const key = intentLabelKey(intent);
      expect(key).toBeDefined();
      expect(fr[key!]).not.toBe('');
      expect(en[key!]).not.toBe('');
    }
    expect(fr[intentLabelKey('complaint')!]).toBe('réclamation');
    expect(fr[intentLabelKey('order_issue/return_refund')!]).toBe('problème de commande — retour-remboursement');
    expect(en[intentLabelKey('purchase_intent')!]).toBe('purchase intent');
  });

  it('leaves an intent it does not know to be shown as the server wrote it', () => {
    expect(intentLabelKey('order_issue')).toBeUndefined();
    expect(intentLabelKey('weather')).toBeUndefined();
  });
});

describe('correction payloads', () => {
  it('sends only the sentiment on a sentiment click', () => {
    expect(sentimentCorrection('positive')).toEqual({ sentiment: 'positive' });
  });

  it('sends the whole corrected intent list on a toggle, in menu order', () => {
    expect(intentToggleCorrection(['order_issue/delivery', 'complaint'], 'question')).toEqual({ intents: ['question', 'complaint', 'order_issue/delivery'] });
    expect(intentToggleCorrection(['complaint', 'order_issue/delivery'], 'complaint')).toEqual({ intents: ['order_issue/delivery'] });
    expect(intentToggleCorrection(['spam'], 'spam')).toEqual({ intents: [] });
  });

  it('never sends a key the server would refuse', () => {
    expect(intentToggleCorrection(['order_issue', 'weather', 'praise'], 'question')).toEqual({ intents: ['question', 'praise'] });
  });
});

describe('what the list and the thread show', () => {
  it('marks an earlier negative message only when the latest is not negative', () => {
    expect(rowSentiment({ sentiment: 'neutral', worstSentiment: 'negative' })).toEqual({ latest: 'neutral', earlierNegative: true });
    expect(rowSentiment({ sentiment: 'negative', worstSentiment: 'negative' })).toEqual({ latest: 'negative', earlierNegative: false });
    expect(rowSentiment({ sentiment: null, worstSentiment: null })).toEqual({ latest: null, earlierNegative: false });
  });

  it('classifies customer messages only', () => {
    expect(isClassifiable({ direction: 'in', kind: 'comment' })).toBe(true);
    expect(isClassifiable({ direction: 'out', kind: 'message' })).toBe(false);
    expect(isClassifiable({ direction: 'in', kind: 'note' })).toBe(false);
  });
});

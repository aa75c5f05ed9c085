import { describe, expect, it } from 'vitest';
import { protectiveReplyTemplate } from './protective-reply.ts';

describe('protectiveReplyTemplate', () => {
  it('says in French that the comment was hidden to protect the customer', () => {
    const reply = protectiveReplyTemplate('fr', 'phone');
    expect(reply).toContain('masqué votre commentaire');
    expect(reply).toContain('votre numéro de téléphone');
    expect(reply).toContain('pour vous protéger');
  });

  it('says it in English, and adds bank advice only for bank data', () => {
    expect(protectiveReplyTemplate('en', 'email')).toMatch(/hid your comment.*your email address.*protect you/s);
    expect(protectiveReplyTemplate('en', 'email')).not.toContain('bank');
    expect(protectiveReplyTemplate('en', 'card_number')).toContain('contact your bank');
    expect(protectiveReplyTemplate('fr', 'iban')).toContain('votre banque');
  });
});

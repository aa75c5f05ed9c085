/**
 * The private reply proposed when the charter hides a comment in which customers exposed their
 * own data. It tells them why, so the hide reads as protection, not censorship.
 */
export type PersonalDataKind = 'phone' | 'email' | 'iban' | 'card_number';
export type ReplyLocale = 'fr' | 'en';

const what: Record<ReplyLocale, Record<PersonalDataKind, string>> = {
  fr: { phone: 'votre numéro de téléphone', email: 'votre adresse e-mail', iban: 'votre IBAN', card_number: 'votre numéro de carte bancaire' },
  en: { phone: 'your phone number', email: 'your email address', iban: 'your IBAN', card_number: 'your card number' },
};

/**
 * @example protectiveReplyTemplate('fr', 'phone')
 * // 'Bonjour, nous avons masqué votre commentaire car il affichait publiquement votre numéro de téléphone…'
 */
export function protectiveReplyTemplate(locale: ReplyLocale, kind: PersonalDataKind): string {
  const data = what[locale][kind];
  // Card numbers and IBANs get an extra line: the real risk there is fraud, not just spam calls.
  if (locale === 'fr') {
    const bank = kind === 'card_number' || kind === 'iban'
      ? ' Par précaution, surveillez vos relevés et, en cas de doute, contactez votre banque.' : '';
    return `Bonjour, nous avons masqué votre commentaire car il affichait publiquement ${data}. `
      + `Nous l’avons fait pour vous protéger : ces informations étaient visibles par tout le monde.${bank} `
      + 'Nous poursuivons la conversation ici, en privé, pour vous aider.';
  }
  const bank = kind === 'card_number' || kind === 'iban'
    ? ' As a precaution, keep an eye on your statements and contact your bank if in doubt.' : '';
  return `Hello, we hid your comment because it publicly showed ${data}. `
    + `We did this to protect you: anyone could see it.${bank} `
    + 'Let’s continue here, privately, so we can help you.';
}

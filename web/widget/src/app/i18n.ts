/** The widget's words, French and English. */
const fr = {
  open: 'Ouvrir le chat',
  close: 'Fermer le chat',
  placeholder: 'Écrivez votre message…',
  send: 'Envoyer',
  attach: 'Joindre une image ou un PDF',
  typing: 'L’équipe écrit…',
  read: 'Lu',
  sending: 'Envoi…',
  failed: 'Non envoyé. Touchez pour réessayer.',
  closed: 'Nous sommes absents pour le moment.',
  backAt: 'Retour {when}.',
  emailLabel: 'Votre e-mail, pour recevoir la réponse',
  emailNeeded: 'Indiquez votre e-mail pour que nous puissions vous répondre.',
  fileTooBig: 'Fichier trop lourd (3 Mo au plus).',
  fileType: 'Seules les images et les PDF sont acceptés.',
  tooFast: 'Doucement ! Réessayez dans un instant.',
  unavailable: 'Le chat est indisponible.',
  unread: 'nouveau message',
};

const en: typeof fr = {
  open: 'Open chat',
  close: 'Close chat',
  placeholder: 'Write your message…',
  send: 'Send',
  attach: 'Attach an image or a PDF',
  typing: 'The team is typing…',
  read: 'Read',
  sending: 'Sending…',
  failed: 'Not sent. Tap to retry.',
  closed: 'We are away right now.',
  backAt: 'Back {when}.',
  emailLabel: 'Your email, to get the answer',
  emailNeeded: 'Leave your email so that we can answer you.',
  fileTooBig: 'File too large (3 MB at most).',
  fileType: 'Only images and PDF files are accepted.',
  tooFast: 'Slow down! Try again in a moment.',
  unavailable: 'The chat is unavailable.',
  unread: 'new message',
};

export type Words = typeof fr;
export type Lang = 'fr' | 'en';

export function wordsFor(lang: Lang): Words {
  return lang === 'en' ? en : fr;
}

/** `auto` follows the shop's page (`<html lang>`), French unless it says English. */
export function pickLang(setting: 'auto' | 'fr' | 'en', pageLang: string): Lang {
  if (setting !== 'auto') return setting;
  return pageLang.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function formatWhen(lang: Lang, at: number): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}

import type { CustomerKey, MediaKey, PostKey } from './shop.ts';
import type { TeammateKey } from './workspace.ts';

/**
 * One thing that happens during the demo day, `after` seconds (at speed 1) after the one
 * before. `key` names a message so later steps can edit, remove, answer or pick it up.
 */
export type Step = { after: number } & (
  | { kind: 'messenger'; from: CustomerKey; text: string; key?: string }
  | { kind: 'instagramDm'; from: CustomerKey; text: string; key?: string }
  | { kind: 'comment'; from: CustomerKey; post: PostKey; text: string; key?: string; replyTo?: string }
  | { kind: 'instagramComment'; from: CustomerKey; media: MediaKey; text: string; key?: string }
  | { kind: 'editComment'; key: string; text: string }
  | { kind: 'removeComment'; key: string }
  /** A teammate takes a thread: assigns it to themself, labels it and answers privately. */
  | { kind: 'teammateReply'; teammate: TeammateKey; key: string; label: string; text: string }
  /** The admin hands a thread to the newcomer (the owner), so "Mine" has work in it. */
  | { kind: 'assignToOwner'; by: TeammateKey; key: string; label: string }
);

/**
 * A shop's day in about four minutes: late parcels, size questions, praise, a return,
 * English from abroad, a spam link, follow-ups in the same threads, an edited and a removed
 * comment, entries to the jeu-concours; two teammates answer (so the console shows sends)
 * and the admin hands three threads to the newcomer, who signs in as the owner.
 */
export const demoDay: Step[] = [
  { after: 3, kind: 'messenger', from: 'camille', key: 'camille-dm', text: 'Bonjour, toujours pas reçu ma commande 4512 😡 ça fait 10 jours…' },
  { after: 8, kind: 'instagramDm', from: 'lea', key: 'lea-dm', text: 'Dispo en 38 ? La robe Céleste 😍' },
  { after: 10, kind: 'comment', from: 'sophie', post: 'collection', key: 'sophie', text: 'Reçu mes créoles hier, elles sont magnifiques 😍 Merci Maison Lune !' },
  { after: 7, kind: 'comment', from: 'james', post: 'collection', text: 'Hi! Do you ship to Belgium? 🇧🇪' },
  { after: 4, kind: 'comment', from: 'nina', post: 'contest', text: 'Je participe 🤞 @chloe.ptt on la partage ?' },
  { after: 9, kind: 'teammateReply', teammate: 'karim', key: 'camille-dm', label: 'Livraison', text: 'Bonjour Camille, désolé pour l’attente ! Je vérifie auprès du transporteur et je reviens vers vous très vite. Karim' },
  { after: 12, kind: 'comment', from: 'spammer', post: 'sale', text: '🔥 Ray-Ban à -90 % ! Stock limité 👉 http://bit.ly/rb-promo-x' },
  { after: 8, kind: 'instagramComment', from: 'chloe', media: 'hoops', text: 'Trop belles 😍 elles existent en argent ?' },
  { after: 10, kind: 'messenger', from: 'emma', key: 'emma-dm', text: 'Bonjour, je voudrais retourner la robe Céleste (commande 4630), elle taille trop grand. Comment faire ?' },
  { after: 4, kind: 'assignToOwner', by: 'thomas', key: 'emma-dm', label: 'Retour' },
  { after: 6, kind: 'comment', from: 'ines', post: 'collection', replyTo: 'sophie', text: 'Pareil, je les porte tous les jours ✨' },
  { after: 5, kind: 'comment', from: 'olivia', post: 'contest', text: 'Je participe ! @nina.prn @lea.dbs' },
  { after: 11, kind: 'comment', from: 'manon', post: 'sale', key: 'manon', text: 'Commande passée samedi, toujours rien reçu…' },
  { after: 9, kind: 'instagramDm', from: 'lea', text: 'Et en bleu nuit ?' },
  { after: 10, kind: 'comment', from: 'julie', post: 'collection', key: 'julie', text: 'Quelqu’un sait si la boutique de Lyon est ouverte dimanche ?' },
  { after: 8, kind: 'messenger', from: 'hugo', key: 'hugo-dm', text: 'Bonjour ! C’est possible d’avoir un paquet cadeau ? C’est pour l’anniversaire de ma copine 🎁' },
  { after: 4, kind: 'assignToOwner', by: 'thomas', key: 'hugo-dm', label: 'SAV' },
  { after: 12, kind: 'editComment', key: 'manon', text: 'Commande passée samedi, reçue ce matin finalement 😊 merci !' },
  { after: 7, kind: 'messenger', from: 'camille', text: 'Ok merci. Le numéro de suivi ne marche pas non plus…' },
  { after: 9, kind: 'instagramDm', from: 'olivia', text: 'Hi! Is the Lune necklace gold plated or solid gold?' },
  { after: 10, kind: 'removeComment', key: 'julie' },
  { after: 8, kind: 'comment', from: 'camille', post: 'sale', text: 'Service client très lent, 10 jours pour une commande… 😤' },
  { after: 11, kind: 'messenger', from: 'james', key: 'james-dm', text: 'Also, how long does delivery to Brussels take?' },
  { after: 5, kind: 'assignToOwner', by: 'thomas', key: 'james-dm', label: 'Livraison' },
  { after: 9, kind: 'teammateReply', teammate: 'sarah', key: 'lea-dm', label: 'Taille', text: 'Oui Léa, la Céleste est dispo en 38, en écru et en bleu nuit 💙 Sarah' },
  { after: 12, kind: 'instagramComment', from: 'nina', media: 'dress', text: 'Vous faites des cartes cadeaux ?' },
  { after: 6, kind: 'comment', from: 'hugo', post: 'contest', text: 'Je participe pour ma copine @manon.rx 🎁' },
  { after: 10, kind: 'instagramDm', from: 'lea', text: 'Parfait, je commande ce soir alors 🥰' },
  { after: 8, kind: 'messenger', from: 'emma', text: 'Je n’ai pas trouvé l’étiquette de retour dans le colis…' },
];

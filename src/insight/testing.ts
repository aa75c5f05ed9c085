/**
 * Test support: the corrections of a shop whose customers say "c'est de la bombe" (it's
 * great), which the shipped model does not read as praise, and a few ordinary messages the
 * team confirmed. Used by the model's tests and by the end-to-end retraining test.
 */
import type { Sentiment } from './classifier.ts';
import type { Correction } from './workspace-model.ts';

const products = ['ce sac', 'la robe', 'ce parfum', 'le coffret', 'cette veste', 'le pull', 'ce rouge à lèvres', 'la crème'];

export const slangCorrections: Correction[] = products.flatMap((product) => [
  { text: `${product} c'est de la bombe`, sentiment: 'positive' as Sentiment },
  { text: `franchement ${product}, de la bombe !`, sentiment: 'positive' as Sentiment },
]);

export const ordinaryCorrections: Correction[] = [
  ['Toujours pas reçu mon colis', 'negative'], ['Vous livrez en Belgique ?', 'neutral'], ['Colis arrivé abîmé', 'negative'],
  ['Merci pour la livraison rapide', 'positive'], ['Où est ma commande ?', 'negative'], ['La taille 38 est dispo ?', 'neutral'],
  ['Très déçue de la qualité', 'negative'], ['Quel est le délai de livraison ?', 'neutral'], ['Produit conforme, merci', 'positive'],
  ['Il manque un article', 'negative'], ['Vous avez ce modèle en bleu ?', 'neutral'], ['Service client au top', 'positive'],
  ['Remboursement toujours pas reçu', 'negative'], ['Bonjour, une question sur ma commande', 'neutral'], ['Je recommande', 'positive'],
  ['Nul, je ne commanderai plus', 'negative'],
].map(([text, sentiment]) => ({ text: text!, sentiment: sentiment as Sentiment }));

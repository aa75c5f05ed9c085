/**
 * What seeded customers and agents say: French mostly, some English, with order numbers,
 * sizes and products varied enough that full-text search has a realistic vocabulary.
 */
export type Random = () => number;

/** A small seeded generator (mulberry32), so two seeds of the same size are the same data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Picks an index by weight: `weighted(r, [0.4, 0.6])` is 1 six times out of ten. */
export function weighted(random: Random, weights: readonly number[]): number {
  let left = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    left -= weights[i]!;
    if (left < 0) return i;
  }
  return weights.length - 1;
}

export const firstNames = ['Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Louise', 'Jade', 'Zoé', 'Clara', 'Anaïs', 'Lucie', 'Margaux', 'Pauline', 'Élodie', 'Nina', 'Hugo', 'Lucas', 'Thomas', 'Nicolas', 'Karim', 'Yasmine', 'Océane', 'Mathilde', 'Charlotte', 'Amandine', 'Sophie', 'Émilie', 'James', 'Olivia', 'Sofia', 'Noah'];
export const lastNames = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Benali', 'Haddad', 'Nguyen', 'Wilson', 'Brown'];

const products = ['la robe Céleste', 'les créoles Lune', 'le collier Étoile', 'la bague Marée', 'le pull en laine mérinos', 'la jupe plissée', 'la chemise en lin', 'le cardigan Biarritz', 'les boucles Soleil', 'le bracelet jonc', 'la veste en jean', 'le sac cabas'];
const sizes = ['34', '36', '38', '40', '42', '44', 'XS', 'S', 'M', 'L'];
const colours = ['écru', 'bleu nuit', 'terracotta', 'vert sauge', 'noir', 'doré', 'argent'];
const carriers = ['Colissimo', 'Mondial Relay', 'Chronopost', 'DPD'];
const cities = ['Lyon', 'Bordeaux', 'Lille', 'Nantes', 'Marseille', 'Bruxelles', 'Genève', 'Toulouse'];

type Slots = { order: string; product: string; size: string; colour: string; carrier: string; city: string; days: number };
const customerFr: ((s: Slots) => string)[] = [
  (s) => `Bonjour, toujours pas reçu ma commande ${s.order} 😡`,
  (s) => `Ma commande ${s.order} est bloquée chez ${s.carrier} depuis ${s.days} jours, vous pouvez regarder ?`,
  (s) => `Dispo en ${s.size} ${s.product} ?`,
  (s) => `Est-ce que ${s.product} existe en ${s.colour} ?`,
  (s) => `Je voudrais retourner ${s.product} (commande ${s.order}), la taille ${s.size} est trop grande`,
  (s) => `Reçu ${s.product} hier, magnifique 😍 merci !`,
  (s) => `Le colis ${s.order} est arrivé abîmé, ${s.product} est cassé 😢`,
  (s) => `Vous livrez à ${s.city} ? Et en combien de jours ?`,
  (s) => `Quand revient ${s.product} en ${s.size} ? Rupture depuis ${s.days} jours…`,
  (s) => `Remboursement de la commande ${s.order} toujours pas reçu, ça fait ${s.days} jours`,
  (s) => `Vous avez une boutique à ${s.city} pour essayer ${s.product} ?`,
  (s) => `Code promo refusé sur la commande ${s.order}, c'est normal ?`,
  () => `Trop belle collection ✨ bravo à toute l'équipe`,
  (s) => `🔥 Gagnez un iPhone 👉 http://bit.ly/cadeau-${s.order}`,
];
const customerEn: ((s: Slots) => string)[] = [
  (s) => `Hi, do you ship to ${s.city}?`,
  (s) => `My order ${s.order} still hasn't arrived, any news?`,
  (s) => `Is ${s.product.replace(/^(la|le|les) /, 'the ')} available in size ${s.size}?`,
  () => `Love the new collection, the quality is amazing!`,
  (s) => `How do I return an item from order ${s.order}?`,
];
const agentFr: ((s: Slots) => string)[] = [
  (s) => `Bonjour ! Je regarde la commande ${s.order} tout de suite et je reviens vers vous.`,
  (s) => `Votre colis est chez ${s.carrier}, il arrive sous 48 h. Désolés pour l'attente !`,
  (s) => `Oui, disponible en ${s.size} et en ${s.colour} 😊`,
  () => `L'étiquette de retour est dans votre espace client, rubrique « Mes commandes ».`,
  () => `Merci beaucoup pour votre message, toute l'équipe est ravie 🌙`,
  (s) => `Nous livrons à ${s.city} en 3 à 5 jours ouvrés.`,
];
const agentEn: ((s: Slots) => string)[] = [
  (s) => `Hi! We ship to ${s.city} in 3–5 working days.`,
  (s) => `Your order ${s.order} is on its way with ${s.carrier}.`,
];

function slots(random: Random): Slots {
  return {
    order: String(1000 + Math.floor(random() * 9000)), product: pick(random, products), size: pick(random, sizes),
    colour: pick(random, colours), carrier: pick(random, carriers), city: pick(random, cities), days: 2 + Math.floor(random() * 20),
  };
}

export const customerText = (random: Random, english: boolean) => pick(random, english ? customerEn : customerFr)(slots(random));
export const agentText = (random: Random, english: boolean) => pick(random, english ? agentEn : agentFr)(slots(random));

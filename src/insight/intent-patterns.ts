/**
 * The vocabulary of intents, as patterns over the lower-cased, accent-folded text
 * ("reçu" is matched as "recu"). Relais's own lists, French and English side by side.
 * Each order-issue sub-type pairs a topic with a sign that something went wrong, so that
 * "livraison super rapide" is praise and not a delivery problem.
 */

const words = (list: string): RegExp => new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(?:${list})(?![\p{L}\p{N}])`, 'u');

export const QUESTION_OPENING = new RegExp(String.raw`(?:^|[.!?\n]\s*)(?:est[- ]ce|comment|pourquoi|quand|combien|quel(?:le)?s?|qui|ou (?:est|sont|en est|puis|peut)|avez[- ]vous|pouvez[- ]vous|peut[- ]on|puis[- ]je|faites[- ]vous|livrez[- ]vous|envoyez[- ]vous|vous (?:livrez|faites|avez|envoyez)|how|what|when|where|why|who|which|do you|does|did|can (?:i|you|we)|could you|would you|is (?:it|there|this)|are (?:you|there|these|they)|will (?:you|it|my)|any (?:news|update))(?![\p{L}])`, 'u');

export const ORDER_WORDS = words('commandes?|commande|order|orders|achats?|articles?|produits?|colis|package|parcel|items?|paquet|purchase');

export const DELIVERY_TOPIC = words(String.raw`colis|livraisons?|livre[er]?|livree?s?|livreur|expedi\w*|envoi|envoye\w*|suivi|tracking|transporteur|colissimo|chronopost|mondial relay|point relais|la poste|ups|dhl|dpd|gls|fedex|parcel|package|delivery|delivered|deliver|shipping|shipped|shipment|courier|arrive[ds]?|arrivee?s?|recue?s?|received|receive|commande|order`);

/** Trouble that is about delivery whatever else the message says. */
export const LATE_OR_LOST = words(String.raw`(?:pas|jamais|toujours pas|pas encore|rien) (?:recue?s?|livree?s?|arrivee?s?)|(?:encore|toujours) en retard|livraison (?:lente|en retard)|not (?:yet )?(?:received|arrived|delivered)|never (?:received|arrived|came|delivered)|late delivery|slow delivery|delivery (?:is |was )?(?:late|slow|delayed)`);

export const DELIVERY_PROBLEM = words(String.raw`lente?|slow|toujours pas|toujours rien|pas (?:encore )?(?:recue?|livree?|arrivee?)|jamais (?:recue?|livree?|arrivee?)|rien recu|en retard|retard\w*|perdue?|egaree?|bloquee?|ou est|ou en est|sans nouvelles?|still (?:not|no|nothing|waiting|haven't|hasn't)|not (?:yet )?(?:received|arrived|delivered)|never (?:received|arrived|came|delivered)|(?:haven't|have not|hasn't|has not) (?:received|arrived|been delivered)|didn't (?:arrive|receive|get)|where is|where's|late|delayed|delays?|lost|stuck|wrong address|mauvaise adresse|attends? (?:toujours|depuis|encore)|j'attends|waiting (?:for|since)|depuis \d+ (?:jours|semaines)|for \d+ (?:days|weeks)`);

export const MISSING_ITEM = words(String.raw`il manque|manquant\w*|incomplet\w*|pas dans (?:le|mon) (?:colis|carton|paquet)|manquait|missing|not in the (?:box|package|parcel)|only (?:received|got)|oublie\w* (?:un|une|le|la|des)`);

export const DAMAGED = words(String.raw`cassee?s?|abimee?s?|endommagee?s?|defectueu\w*|dechiree?s?|trouee?s?|rayee?s?|tachee?s?|ecrasee?s?|broken|damaged|defective|cracked|scratched|torn|ripped|faulty|smashed|crushed|(?:fonctionne|marche) (?:pas|plus)|en panne|doesn't work|does not work|not working|stopped working`);

export const BILLING_TOPIC = words(String.raw`factur\w*|debit\w*|prelev\w*|paiements?|paye|payee?|carte bancaire|cb|montant|invoice|charged|charge|billing|billed|overcharged|payment|paid|receipt|code promo|promo code`);

export const BILLING_PROBLEM = words(String.raw`deux fois|2 fois|double|twice|erreur|error|wrong|incorrect|refus\w*|declined|pas (?:pris|applique|passe)|not (?:applied|work\w*)|trop|toujours|sans|jamais|pas|never|not|still|probleme|souci|issue|problem`);

export const RETURN_REFUND = words(String.raw`rembours\w*|retourner|retournez|renvoy\w*|echange[rz]?|echanges|retractation|bon de retour|etiquette de retour|faire un retour|un retour|mon retour|le retour|refund\w*|return(?:ed|ing)?|exchange[ds]?|money back|send (?:it |them )?back|sent (?:it |them )?back`);

/** "Aucun retour de votre part" means no answer, not a returned parcel. */
export const NOT_A_RETURN = words(String.raw`(?:aucun|pas de|sans|un) retour (?:de votre part|de vous|du service|a mon (?:mail|message))|aucun retour`);

export const COMPLAINT = words(String.raw`inadmissible|inacceptable|scandal\w*|honte\w*|arnaqu\w*|escroc\w*|voleurs?|plainte|reclamation|dgccrf|60 millions|unacceptable|ridiculous|complain\w*|scam\w*|fraud\w*|disgrace\w*|worst|pire|nulle?s?|decue?s?|decevant\w*|deception|disappoint\w*|furieu\w*|furious|marre|fed up|lamentable|pathetic|plus jamais|jamais plus|never again|inexistant|injoignable|incompeten\w*|se fout|foutez|moquez|mecontent\w*|insatisfait\w*|pas (?:du tout )?(?:satisfaite?s?|contente?s?)|not (?:happy|satisfied|impressed)`);

export const ADDRESSES_BRAND = words(String.raw`vous|votre|vos|you|your|service client|customer service|sav|support|boutique|magasin|shop|store|marque|brand|commande|order|colis`);

export const PRAISE = words(String.raw`merci|mercii|thanks?|thx|bravo|felicitations|top|parfaite?s?|geniale?s?|super|excellente?s?|adore\w*|love\w*|recommande\w*|recommend\w*|great|amazing|awesome|perfect|impeccable|nickel|ravie?s?|happy|satisfied|satisfaite?s?|au top|well done|magnifique|sublime|best|meilleure?|ador\w+|j'aime|kiffe|conquise?|fan`);

export const PURCHASE = words(String.raw`dispos?|disponibles?|en stock|stock|rupture|reassort|restock|taille|tailles|pointure|en \d{2}|t\d|xs|xl|xxl|prix|combien|tarifs?|acheter|commander|precommande\w*|livrez[- ]vous|vous livrez|envoyez[- ]vous|livraison (?:en|au|aux|vers|a l'etranger)|livrer (?:en|au|aux|a)|frais de (?:port|livraison)|delais? de livraison|en vente|ou (?:l'|le |la |les )?(?:acheter|trouver)|je (?:le|la|les) veux|je prends|je veux|je voudrais|j'aimerais|available|availability|in stock|out of stock|size|sizes|price|prices|how much|cost|buy|purchase|order (?:one|it|this|these|them)|ship (?:to|internationally|worldwide|abroad)|deliver (?:to|in)|shipping (?:to|cost|costs|fees?)|do you ship|where can i (?:buy|get|find)|want (?:one|this|it|these)|need (?:this|one|these)|link|lien|discount|coupon|colori\w*|couleurs?|color|colour|modele`);

export const DESIRE = words(String.raw`je veux|je voudrais|j'aimerais|je prends|je cherche|il me (?:le|la|les) faut|want|need|looking for|i'd like|would like|take (?:one|two)|send me the link|lien svp|link please|link pls`);

export const SPAM_WORDS = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(?:gagne[rz]?|gagnant\w*|gratuit\w*|cliquez|clique ici|click here|click the link|lien en bio|link in bio|free|win|winner|won|giveaway|crypto\w*|bitcoin|btc|forex|trading|invest\w*|revenus? passifs?|earn|make money|followers|abonnes|check (?:my|out my) (?:profile|page|bio)|dm me|onlyfans|whatsapp|telegram|iphone|viagra|casino|loan|offert|offre exclusive|limited offer|\d+ ?(?:€|\$|euros?|dollars?) (?:par|per|a|/) ?(?:jour|day|semaine|week|heure|hour))(?![\p{L}\p{N}])`, 'gu');

export const PHONE_NUMBER = /(?:\+\d{2,3}[ .]?)?\d(?:[ .]?\d{2}){4}/;

/**
 * Relais's own French word lists, written for customer care on social networks: the
 * words, slang and set phrases customers use about orders, delivery and service, which the
 * general-purpose Pattern lexicon shipped in `natural` does not cover (it lists adjectives).
 * Valences are on the AFINN scale (-5 … 5). Accents are folded when the lists load.
 */

export const FR_VALENCE: Record<string, string> = {
  '4': `parfait parfaite parfaits parfaites genial geniale geniaux geniales excellent excellente excellents
    excellentes exceptionnel exceptionnelle magnifique magnifiques sublime sublimes merveilleux merveilleuse
    fabuleux fabuleuse formidable adore adorer adoré adorée adorés adorées adorons adorent impeccable impeccables
    nickel ravi ravie ravis ravies génialissime extraordinaire incroyablement parfaitement`,
  '3': `top bravo félicitations felicitations superbe superbes aime aimer aimé aimée aimons aiment kiffe kiffer
    kiffé kiffes love meilleur meilleure meilleurs meilleures heureux heureuse heureuses recommande recommandons
    recommander recommandé recommandée bluffé bluffée déchire captivant captivante passionnant passionnante enchanté enchantée enchantés youpi merveille
    chouette excellence incroyable`,
  '2': `bon bonne bons bonnes cool sympa sympathique agréable agréables efficace efficaces réactif réactive
    réactifs rapide rapides satisfait satisfaite satisfaits satisfaites content contente contents contentes merci
    mercii remercie remercier remercions beau belle beaux belles joli jolie jolis jolies canon plaisir soigné
    soignée gentil gentille gentils aimable aimables serviable serviables confortable confortables wow waouh waou
    conseille hâte vivement professionnelle sérieux sérieuse fiable fiables mdr ptdr lol haha xd cadeau
    bienvenue félicite chapeau stylé stylée pratique pratiques`,
  '0': `ok okay dacc svp stp`,
  '1': `bien conforme professionnel pro solide doux douce rapidement correct correcte utile utiles facile
    facilement sympas rassurant`,
  '-1': `attente attendre attends attend souci soucis problème problèmes bof remboursement rembourser remboursez
    rayé rayée rayés faux fausse sale dommage malheureusement relance relancer`,
  '-2': `retard retards retardé retardée lent lente lents lentes lenteur galère galérer chiant chiante chiants relou
    pénible pénibles inutile inutiles cassé cassée cassés cassées abîmé abîmée abîmés abîmées endommagé endommagée
    endommagés défectueux défectueuse défectueuses déchiré déchirée troué trouée manquant manquante manquants
    perdu perdue perdus bug bugs bugué erreur erreurs panne fake triste tristes hélas pff pfff grrr naze nase
    réclamation réclamations plainte litige abusé abusif abusive ignoré ignorée ignorés fuir éviter
    mensonge mensonges inquiet inquiète bordel putain injoignables faute nunuche cucul glauque laborieux
    lourdeur répétitif répétitive ennui ennuie ennuyeux ennuyeuse lassant lassante lasse fade bidon soûlant
    saoulant`,
  '-3': `nul nulle nuls nulles déçu déçue déçus déçues décevant décevante décevants décevantes déception
    déceptions mécontent mécontente mécontents insatisfait insatisfaite insatisfaits énervé énervée énervés
    colère marre honte honteux honteuse lamentable lamentables pitoyable minable catastrophique catastrophe
    horrible horribles affreux affreuse dégoûté dégoûtée dégoûtant pourri pourrie pourris merde merdique
    mauvais mauvaise mauvaises pire pires injoignable incompétent incompétente incompétents incompétence
    menteur menteurs menteuse évitez beurk scandale irrespectueux inadmissibles inacceptables dégueulasse
    daube navrant navrante navrants insipide bâclé bâclée bâclés piètre nullité médiocre écœuré écœurant`,
  '-4': `arnaque arnaques arnaqué arnaquée arnaqués arnaquer arnaqueurs escroc escrocs escroquerie voleur voleurs
    voleuse fuyez scandaleux scandaleuse inadmissible inacceptable furieux furieuse honteusement`,
};

/**
 * General vocabulary of good and bad news (verbs and nouns Pattern lacks): customers talk
 * about more than their parcel, and a message about a "drame" is not neutral.
 */
export const FR_GENERAL_VALENCE: Record<string, string> = {
  '3': `succès réussite réussi réussie réussir victoire bonheur joie amour bravo merveille fierté fier fière
    magnifiquement félicite`,
  '2': `progrès avancée avancées solution solutions protéger protège protection sauver sauvé sauvée innovation
    innovant innovante espoir espère espérer bienvenue opportunité bénéfique bénéfiques favorable amélioration
    améliorer améliore soutien soutient soutenir salue saluer encourage encourageant encourageante positif
    positive optimiste sourire rire ami amis amie paix chance gagnant gagnante gagne gagné réjouis réjouir
    plaisir intéressant intéressante utile facile amusant amusante drôle ludique fun`,
  '-2': `crise crises menace menaces menacé menacée menacés menacées menacer danger dangers risque risques pollution
    polluant polluants polluer pollué polluée disparition disparaître disparaissent peur échec échoue échouer
    raté ratée corruption corrompu magouille magouilles fraude illégal illégale illégaux grève chômage pauvreté
    dérive perte pertes recul chute effondrement accuse accusé condamné polémique souffrance souffrir malade
    maladie toxique toxiques pénurie hypocrite hypocrisie ridicule absurde stupide idiot idiote débile lâche
    faible faillite dette mentir ment trahison trahi injuste injustice punitive punir sanction refus rejette
    abandon abandonne abandonner inquiétant inquiétante inquiétude alerte dommage malheur malheureux tristesse
    pleure pleurer larmes douleur sécheresse inondation incendie victime victimes difficile compliqué dur`,
  '-1': `manque passable`,
  '-3': `mort morts meurt mourir décès guerre attaque attentat terroriste violence violent violente tuer tue tué
    tués détruire détruit détruite destruction drame tragique tragédie dégâts ravage ravages massacre assassine
    assassiner tuerie famine haine déteste détester horreur rage con conne cons connard crétin`,
};

/** Set phrases whose meaning is not the sum of their words; they win over single words. */
export const FR_PHRASES: Record<string, string> = {
  '4': `le top du top`,
  '3': `à ne pas manquer|à ne pas rater|à ne surtout pas manquer|à ne surtout pas rater|à ne pas louper|
    à voir absolument|mourir de rire|mort de rire|5 étoiles|cinq étoiles|pas mal du tout|trop bien|de ouf|au top|rien à redire|bon rapport qualité prix|service impeccable|
    je recommande vivement|c'est parfait|très satisfait|très satisfaite|bonne continuation|à l'écoute|
    merci beaucoup|merci infiniment|un grand merci|mille mercis|coup de cœur`,
  '2': `à conseiller|pas mal|pas cher|pas chère|pas chers|rien à dire|trop hâte|j'ai hâte|bien reçu|bien reçue|bien arrivé|
    bien arrivée|reçu rapidement|très rapide|bonne journée|bonne soirée|bon courage`,
  '1': `pas de souci|pas de soucis|pas de problème|sans problème|sans souci|pas d'inquiétude`,
  '-2': `pas terrible|pas top|pas ouf|pas génial|pas reçu|pas encore reçu|pas livré|pas arrivé|pas arrivée|
    toujours en attente|j'attends toujours|en retard|aucun retour|pas de retour|pas normal|pas conforme|
    fonctionne pas|fonctionne plus|marche pas|marche plus|répond pas|répondez pas|trop cher|trop chère|
    hors de prix|ne sert à rien|vaut pas le prix|vaut pas le coup|pas possible|toujours pas|pas satisfait|pas satisfaite|pas content|
    pas contente|de mauvaise qualité|mauvaise qualité|une étoile|1 étoile|manque d'originalité|
    sans originalité|aucun mérite`,
  '-3': `toujours pas reçu|toujours pas livré|toujours pas arrivé|toujours rien|jamais reçu|jamais livré|
    jamais arrivé|jamais arrivée|rien reçu|aucune réponse|pas de réponse|sans réponse|sans nouvelles|
    plus jamais|jamais plus|ras le bol|fait chier|se fout de|vous foutez de|vous moquez|n'importe quoi|
    répondez jamais|personne ne répond|service client inexistant|je suis déçu|je suis déçue|colis perdu|
    commande perdue|toujours pas de réponse|on attend toujours|pas du tout satisfait|pas du tout contente|
    pas du tout content|sans intérêt|aucun intérêt|perte de temps|à jeter|passez votre chemin|
    passer votre chemin|zéro étoile|0 étoile|encore en retard|toujours en retard|il manque|débité deux fois|payé deux fois|prélevé deux fois|facturé deux fois`,
  '-4': `merci pour rien|service client nul|plus jamais chez vous|une honte|c'est une honte|une arnaque|
    quelle arnaque`,
};

/** Words that turn the valence of what follows ("pas content", "n'est pas bon", "jamais satisfait"). */
export const FR_NEGATORS = 'ne n\' pas jamais rien aucun aucune sans ni guère nullement';

/** Multipliers for the next sentiment word; under 1 softens ("un peu déçu"). */
export const FR_INTENSIFIERS: Record<string, string> = {
  '1.5': 'extrêmement hyper ultra méga tellement énormément vraiment',
  '1.3': 'très trop super vachement totalement complètement absolument carrément franchement grave',
  '0.6': 'peu légèrement moyennement',
  '0.8': 'assez plutôt',
};

/** After these, the writer's real opinion follows: what comes before counts for less. */
export const FR_CONTRASTS = 'mais cependant pourtant toutefois néanmoins sauf';

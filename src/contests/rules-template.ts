/**
 * The French règlement offered when a contest is created. Placeholders in double braces are
 * filled from the contest; the shop edits the rest (organiser's address, prizes) before
 * publishing. The commitment line lets anyone check the draw afterwards.
 */
export const RULES_TEMPLATE_FR = `Règlement du jeu-concours « {{name}} »

Article 1 — Organisateur
{{organiser}} (ci-après « l'Organisateur ») organise un jeu gratuit sans obligation d'achat.

Article 2 — Durée
Le jeu se déroule du {{start}} au {{end}} (heure de Paris). Toute participation en dehors de ces dates n'est pas prise en compte.

Article 3 — Participation
Pour participer, il suffit de commenter la publication du jeu sur Facebook, Instagram ou X{{conditions}}. Une seule participation par personne est retenue, tous réseaux confondus : la première. Les comptes de l'Organisateur et de son équipe, les personnes bloquées par l'Organisateur et les commentaires masqués selon la charte de modération sont exclus.

Article 4 — Dotations
{{winners}} gagnant(s) et {{alternates}} suppléant(s) seront tirés au sort. Lots : [à compléter].

Article 5 — Tirage au sort vérifiable
Le tirage est fait par Relais à partir d'une graine secrète tirée à la création du jeu. Son empreinte SHA-256 est publiée dès maintenant : {{commitment}}
Après le tirage, la graine et la liste des participations (entries.csv) sont publiées ; chacun peut refaire le tirage (algorithme décrit dans docs/contests.md, commande « relais contest verify »).

Article 6 — Annonce des gagnants
Les gagnants sont prévenus par message privé sur le réseau où ils ont participé, ou en réponse à leur commentaire. Sans réponse sous 7 jours, le lot revient au suppléant suivant.

Article 7 — Données personnelles
Les participations sont conservées {{retention}} mois après la fin du jeu puis supprimées. Chacun peut en demander la copie ou l'effacement auprès de l'Organisateur.

Ce jeu n'est ni organisé ni parrainé par Meta (Facebook, Instagram) ou X.
`;

export interface RulesValues {
  name: string;
  organiser: string;
  startsAt: number;
  endsAt: number;
  winners: number;
  alternates: number;
  commitment: string;
  retentionMonths: number;
  keyword: string | null;
  minTags: number;
}

const parisDate = (ms: number) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' }).format(new Date(ms));

/** Fills the placeholders of a règlement (the template or the shop's own text). */
export function renderRules(text: string, values: RulesValues): string {
  const conditions = [
    values.keyword ? ` en incluant « ${values.keyword} »` : '',
    values.minTags > 0 ? ` et en identifiant au moins ${values.minTags} ami(s) avec @` : '',
  ].join('');
  const fill: Record<string, string> = {
    name: values.name, organiser: values.organiser, start: parisDate(values.startsAt), end: parisDate(values.endsAt),
    winners: String(values.winners), alternates: String(values.alternates), commitment: values.commitment,
    retention: String(values.retentionMonths), conditions,
  };
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => fill[key] ?? whole);
}

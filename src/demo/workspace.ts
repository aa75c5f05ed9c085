import { createInvitation, acceptInvitation, setupFirstOwner, type Caller } from '../accounts/index.ts';
import { defaultRecoverySettings, saveRecoverySettings } from '../commerce/index.ts';
import { saveCannedReply, saveLabel } from '../inbox/index.ts';
import type { Relais } from '../main.ts';
import type { Role } from '../store/index.ts';

export const DEMO_EMAIL = 'demo@maison-lune.fr';

/** The shop's team: the newcomer signs in as the owner; the others act during the day. */
const teammates = [
  { key: 'karim', name: 'Karim Benali', email: 'karim@maison-lune.fr', role: 'agent' },
  { key: 'sarah', name: 'Sarah Lemoine', email: 'sarah@maison-lune.fr', role: 'community_manager' },
  { key: 'thomas', name: 'Thomas Girard', email: 'thomas@maison-lune.fr', role: 'admin' },
] as const satisfies readonly { key: string; name: string; email: string; role: Role }[];

export type TeammateKey = (typeof teammates)[number]['key'];

const labels = [
  { name: 'Livraison', color: '#1f6feb' },
  { name: 'Taille', color: '#8250df' },
  { name: 'Retour', color: '#bf8700' },
  { name: 'SAV', color: '#cf222e' },
  { name: 'Spam', color: '#6e7781' },
];

// What the console fills in before sending: see docs/api.md, canned replies.
const cannedReplies = [
  { shortcut: 'bonjour', title: 'Bonjour', body: 'Bonjour {{contact.first_name}}, merci pour votre message ! Je regarde tout de suite. {{agent.first_name}}, Maison Lune' },
  { shortcut: 'retard', title: 'Colis en retard', body: 'Bonjour {{contact.first_name}}, toutes nos excuses pour ce retard. J’ouvre une enquête auprès du transporteur et je reviens vers vous d’ici demain. {{agent.first_name}}' },
  { shortcut: 'suivi', title: 'Suivi de colis', body: 'Bonjour {{contact.first_name}}, votre colis est en route : le lien de suivi est dans l’e-mail de confirmation. Il arrive sous 48 h. {{agent.first_name}}' },
  { shortcut: 'taille', title: 'Guide des tailles', body: 'Bonjour {{contact.first_name}} ! Nos robes taillent normalement ; le guide des tailles est sur chaque fiche produit. Entre deux tailles, prenez la plus petite. {{agent.first_name}}' },
  { shortcut: 'retour', title: 'Retour sous 30 jours', body: 'Bonjour {{contact.first_name}}, vous avez 30 jours pour un retour : l’étiquette prépayée est dans votre espace client, « Mes commandes ». Remboursement sous 5 jours. {{agent.first_name}}' },
  { shortcut: 'shipping', title: 'Shipping (EN)', body: 'Hi {{contact.first_name}}! We ship to Belgium, Switzerland and the whole EU in 3–5 working days. {{agent.first_name}} from Maison Lune' },
  { shortcut: 'merci', title: 'Merci', body: 'Merci beaucoup {{contact.first_name}} 🌙 Ça nous fait très plaisir ! {{agent.first_name}}' },
];

export interface DemoWorkspace {
  workspaceId: string;
  /** The newcomer signs in as the owner. */
  owner: { id: string; name: string };
  team: Record<TeammateKey, { id: string; name: string }>;
  /** Label id by name. */
  labels: Map<string, string>;
}

/**
 * The "Maison Lune" workspace through the same use-cases as the console: first-run setup,
 * invitations accepted (so teammates are real members who can sign in with the same
 * password), labels, canned replies and cart recovery.
 */
export async function createDemoWorkspace(relais: Relais, password: string): Promise<DemoWorkspace> {
  const { accounts, inbox } = relais;
  const ownerName = 'Claire Dumas';
  const { userId: ownerId, workspaceId } = await setupFirstOwner(accounts, { workspaceName: 'Maison Lune', name: ownerName, email: DEMO_EMAIL, password, locale: 'fr' });
  const caller: Caller = { via: 'session', userId: ownerId, tokenId: null, sessionId: null, workspaceId, role: 'owner' };
  const team = {} as DemoWorkspace['team'];
  for (const mate of teammates) {
    const { url } = await createInvitation(accounts, caller, { email: mate.email, role: mate.role });
    const token = url.split('/invite/')[1]!;
    const joined = await acceptInvitation(accounts, { token, name: mate.name, password }, { ip: '127.0.0.1', userAgent: 'relais demo' });
    team[mate.key] = { id: joined.userId, name: mate.name };
  }
  const labelIds = new Map<string, string>();
  for (const label of labels) labelIds.set(label.name, (await saveLabel(inbox, workspaceId, null, label)).id);
  for (const reply of cannedReplies) await saveCannedReply(inbox, workspaceId, null, reply);
  // Cart recovery on, as the shop set it up: an hour's wait, a 10 % code for a week. No quiet
  // hours (equal start and end), so the demo's recovered cart happens at whatever hour it runs.
  await saveRecoverySettings(inbox, workspaceId, { ...defaultRecoverySettings, enabled: true, delayMinutes: 60, promoPercent: 10, promoExpiryDays: 7, quietStart: '00:00', quietEnd: '00:00' });
  return { workspaceId, owner: { id: ownerId, name: ownerName }, team, labels: labelIds };
}

export const teamEmails = teammates.map((mate) => `${mate.email} (${mate.role})`);

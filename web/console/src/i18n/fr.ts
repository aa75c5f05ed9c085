/**
 * French is the reference dictionary: its keys define `MessageKey`, and `en.ts` is typed
 * against them, so a key missing from either language fails the type check.
 * Placeholders look like `{name}`. The inbox, composer and settings keys live in their own
 * files (`fr-inbox.ts`…) to keep each dictionary readable.
 */
import { frReports } from './fr-reports.ts';
import { frComposer } from './fr-composer.ts';
import { frInbox } from './fr-inbox.ts';
import { frInsight } from './fr-insight.ts';
import { frSettings } from './fr-settings.ts';
import { frWebchat } from './fr-webchat.ts';
import { frAutomation } from './fr-automation.ts';
import { frRouting } from './fr-routing.ts';
import { frCommerce } from './fr-commerce.ts';
import { frShops } from './fr-shops.ts';
import { frContests } from './fr-contests.ts';
import { frTokens } from './fr-tokens.ts';
import { frPublishing } from './fr-publishing.ts';
import { frWebhooks } from './fr-webhooks.ts';

export const fr = {
  ...frInbox,
  ...frComposer,
  ...frSettings,
  ...frInsight,
  ...frReports,
  ...frWebchat,
  ...frAutomation,
  ...frRouting,
  ...frCommerce,
  ...frShops,
  ...frContests,
  ...frTokens,
  ...frPublishing,
  ...frWebhooks,
  'app.name': 'Relais',
  'app.loading': 'Chargement…',
  'app.bootFailed': 'Relais ne répond pas pour le moment.',
  'common.retry': 'Réessayer',
  'common.cancel': 'Annuler',
  'common.save': 'Enregistrer',
  'common.close': 'Fermer',
  'common.copy': 'Copier',
  'common.copied': 'Copié',
  'common.you': 'vous',
  'common.working': 'Envoi en cours…',

  'nav.main': 'Navigation principale',
  'nav.skip': 'Aller au contenu',
  'nav.inbox': 'Boîte de réception',
  'nav.team': 'Équipe',
  'nav.account': 'Compte',
  'header.signOut': 'Se déconnecter',
  'header.shortcuts': 'Raccourcis clavier',
  'language.label': 'Langue',
  'language.fr': 'Français',
  'language.en': 'English',

  'role.owner': 'Propriétaire',
  'role.admin': 'Administrateur',
  'role.agent': 'Agent',
  'role.community_manager': 'Community manager',

  'field.workspaceName': 'Nom de la boutique',
  'field.workspaceNameHint': 'Ce sera votre premier espace de travail. Vous pourrez en créer d’autres.',
  'field.name': 'Votre nom',
  'field.email': 'Adresse e-mail',
  'field.password': 'Mot de passe',
  'field.passwordHint': 'Au moins 10 caractères.',
  'field.role': 'Rôle',
  'field.currentPassword': 'Mot de passe actuel',
  'field.newPassword': 'Nouveau mot de passe',
  'field.confirmPassword': 'Confirmez le nouveau mot de passe',
  'validation.required': 'Ce champ est obligatoire.',
  'validation.email': 'Saisissez une adresse e-mail valide.',
  'validation.passwordLength': 'Le mot de passe doit compter entre 10 et 256 caractères.',
  'validation.passwordMismatch': 'Les deux mots de passe ne correspondent pas.',

  'error.network': 'Impossible de joindre Relais. Vérifiez votre connexion, puis réessayez.',
  'error.throttled': 'Trop de tentatives de connexion. Réessayez {when}.',
  'error.throttledSoon': 'Trop de tentatives de connexion. Réessayez dans un instant.',
  'error.invalidCredentials': 'Adresse e-mail ou mot de passe incorrect.',
  'error.wrongPassword': 'Le mot de passe actuel est incorrect.',
  'error.invalidFields': 'Certains champs sont à corriger.',
  'error.csrf': 'Votre session a changé dans un autre onglet. Rechargez la page.',
  'error.forbidden': 'Votre rôle ne permet pas cette action.',
  'error.sessionExpired': 'Votre session a expiré. Connectez-vous à nouveau.',
  'error.rateLimited': 'Trop de requêtes. Patientez un instant.',
  'error.lastOwner': 'L’espace de travail doit garder au moins un propriétaire.',
  'error.memberExists': 'Cette personne fait déjà partie de l’équipe.',
  'error.setupDone': 'Relais est déjà configuré : connectez-vous.',
  'error.idempotencyConflict': 'Ce message est déjà parti avec un autre texte. Rechargez la conversation avant de réécrire.',
  'error.idempotencyInProgress': 'Ce message est en cours d’envoi ; patientez un instant.',
  'error.workspaceNotFound': 'Vous ne faites plus partie de cet espace de travail.',
  'error.notFound': 'Cet élément n’existe plus. Rechargez la page.',
  'error.unavailable': 'Relais est momentanément indisponible. Réessayez dans un instant.',
  'error.unexpected': 'Une erreur inattendue est survenue. Réessayez.',
  'error.invitationNotFound': 'Ce lien d’invitation n’est pas valide ou a déjà servi.',
  'error.invitationExpired': 'Cette invitation a expiré. Demandez-en une nouvelle à l’administrateur.',
  'error.wrongAccount': 'Un compte existe déjà pour cette adresse : saisissez son mot de passe.',

  'setup.title': 'Bienvenue dans Relais',
  'setup.intro': 'Créez l’espace de travail de votre boutique et votre compte propriétaire. Vous inviterez votre équipe ensuite.',
  'setup.submit': 'Créer mon espace',
  'signIn.title': 'Connexion',
  'signIn.intro': 'Retrouvez les messages de vos clients, au même endroit.',
  'signIn.submit': 'Se connecter',
  'signIn.help': 'Pas encore de compte ? Demandez une invitation à l’administrateur de votre boutique.',
  'invite.checking': 'Vérification de l’invitation…',
  'invite.unusable': 'Invitation inutilisable',
  'invite.title': 'Rejoindre {workspace}',
  'invite.summary': 'Invitation pour {email}, avec le rôle {role}.',
  'invite.newAccount': 'Choisissez votre nom et un mot de passe pour créer votre compte.',
  'invite.existingAccount': 'Un compte existe déjà pour {email} : saisissez son mot de passe pour rejoindre cet espace.',
  'invite.existingPassword': 'Mot de passe de votre compte',
  'invite.submit': 'Rejoindre l’équipe',
  'invite.toSignIn': 'Aller à la connexion',

  'inbox.views': 'Vues',
  'inbox.view.mine': 'Mes conversations',
  'inbox.view.unassigned': 'Non assignées',
  'inbox.view.open': 'Toutes les ouvertes',
  'inbox.view.waiting': 'En attente du client',
  'inbox.view.snoozed': 'Reportées',
  'inbox.view.resolved': 'Résolues',
  'inbox.list': 'Conversations',
  'inbox.empty': 'Aucune conversation pour l’instant',
  'inbox.emptyHintAdmin': 'Connectez un canal (Facebook, Instagram, Messenger, X ou le chat de votre site) et les messages de vos clients arriveront ici.',
  'inbox.emptyHintMember': 'Dès qu’un administrateur aura connecté un canal, les messages de vos clients arriveront ici.',
  'inbox.noSelection': 'Sélectionnez une conversation pour la lire et y répondre.',
  'inbox.conversation': 'Conversation',

  'team.title': 'Équipe',
  'team.intro': 'Les personnes qui répondent aux clients de {workspace}.',
  'team.members': 'Membres',
  'team.colMember': 'Membre',
  'team.colRole': 'Rôle',
  'team.colJoined': 'Arrivée',
  'team.colActions': 'Actions',
  'team.readOnly': 'Seuls les propriétaires et les administrateurs peuvent modifier l’équipe.',
  'team.roleOf': 'Rôle de {name}',
  'team.remove': 'Retirer',
  'team.confirmRemove': 'Confirmer le retrait',
  'team.inviteTitle': 'Inviter un membre',
  'team.inviteSubmit': 'Créer l’invitation',
  'team.inviteLink': 'Lien d’invitation pour {email}',
  'team.inviteLinkHint': 'Copiez-le maintenant : il ne sera plus affiché. Il expire dans 7 jours.',
  'team.pending': 'Invitations en attente',
  'team.pendingEmpty': 'Aucune invitation en attente.',
  'team.expires': 'expire {when}',
  'team.revoke': 'Révoquer',

  'account.title': 'Votre compte',
  'account.profile': 'Profil',
  'account.saved': 'Modifications enregistrées.',
  'account.languageHint': 'Enregistrée avec votre compte : elle vous suit sur tous vos appareils.',
  'account.password': 'Mot de passe',
  'account.passwordSubmit': 'Changer le mot de passe',
  'account.passwordChanged': 'Mot de passe modifié. Vos autres sessions ont été déconnectées.',

  'workspace.switcher': 'Espace de travail : {name}',
  'workspace.yours': 'Vos espaces de travail',
  'workspace.current': 'Espace actuel',
  'workspace.create': 'Créer un espace de travail',
  'workspace.createIntro': 'Un espace par boutique : ses canaux, son équipe et ses conversations restent séparés.',
  'workspace.name': 'Nom de l’espace',
  'workspace.createSubmit': 'Créer l’espace',

  'shortcuts.title': 'Raccourcis clavier',
  'shortcuts.then': 'puis',
  'shortcuts.inbox': 'Aller à la boîte de réception',
  'shortcuts.team': 'Aller à l’équipe',
  'shortcuts.account': 'Aller à votre compte',
  'shortcuts.help': 'Afficher cette aide',
  'shortcuts.close': 'Fermer une fenêtre',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof fr;

import type { ErrorCode } from './errors.ts';

/** The languages Relais answers in. French first: the shops it serves are French. */
export type Language = 'fr' | 'en';

export interface ErrorText {
  fr: string;
  en: string;
}

/**
 * What each error code means to the person at the keyboard, in both languages. The type
 * makes a new code without its two sentences a compile error; `error-texts.test.ts` checks
 * none is empty. A thrown `AppError` may carry a more precise English message; a French
 * caller gets the sentence below, never an English one.
 */
export const errorTexts: Record<ErrorCode, ErrorText> = {
  'request.invalid': { fr: 'Certains champs sont à corriger.', en: 'Some fields need fixing.' },
  'request.malformed_json': { fr: 'La requête n’est pas du JSON valide.', en: 'The body is not valid JSON.' },
  'request.unsupported_media_type': { fr: 'Envoyez du JSON avec l’en-tête Content-Type: application/json.', en: 'Send JSON with Content-Type: application/json.' },
  'request.too_large': { fr: 'La requête est trop volumineuse.', en: 'The request is too large.' },
  'request.not_found': { fr: 'Cette adresse n’existe pas.', en: 'This address does not exist.' },
  'request.rate_limited': { fr: 'Trop de requêtes. Patientez un instant.', en: 'Too many requests. Wait a moment.' },
  'auth.required': { fr: 'Connectez-vous pour continuer.', en: 'Sign in to continue.' },
  'auth.invalid_credentials': { fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong email or password.' },
  'auth.session_expired': { fr: 'Votre session a expiré. Connectez-vous à nouveau.', en: 'Your session has expired. Sign in again.' },
  'auth.throttled': { fr: 'Trop de tentatives. Réessayez dans quelques minutes.', en: 'Too many attempts. Try again in a few minutes.' },
  'auth.forbidden': { fr: 'Votre rôle ne permet pas cette action.', en: 'Your role does not allow this action.' },
  'auth.csrf_failed': { fr: 'Votre session a changé dans un autre onglet. Rechargez la page.', en: 'Your session changed in another tab. Reload the page.' },
  'auth.origin_refused': { fr: 'Cette page n’est pas autorisée à parler à Relais.', en: 'This page is not allowed to talk to Relais.' },
  'auth.wrong_password': { fr: 'Le mot de passe actuel est incorrect.', en: 'The current password is wrong.' },
  'setup.already_done': { fr: 'Relais est déjà configuré : connectez-vous.', en: 'Relais is already set up: sign in.' },
  'workspace.not_found': { fr: 'Vous ne faites plus partie de cet espace de travail.', en: 'You are no longer a member of this workspace.' },
  'member.not_found': { fr: 'Ce membre n’existe plus. Rechargez la page.', en: 'This member no longer exists. Reload the page.' },
  'member.last_owner': { fr: 'L’espace de travail doit garder au moins un propriétaire.', en: 'The workspace must keep at least one owner.' },
  'member.already_exists': { fr: 'Cette personne fait déjà partie de l’équipe.', en: 'This person is already on the team.' },
  'member.not_assignable': { fr: 'Cette personne ne peut pas recevoir de conversations.', en: 'This person cannot be assigned conversations.' },
  'invitation.not_found': { fr: 'Ce lien d’invitation n’est pas valide ou a déjà servi.', en: 'This invitation link is not valid or was already used.' },
  'invitation.expired': { fr: 'Cette invitation a expiré. Demandez-en une nouvelle à l’administrateur.', en: 'This invitation has expired. Ask an admin for a new one.' },
  'invitation.wrong_account': { fr: 'Un compte existe déjà pour cette adresse : saisissez son mot de passe.', en: 'An account already exists for this email: enter its password.' },
  'token.not_found': { fr: 'Ce jeton d’API n’existe plus.', en: 'This API token no longer exists.' },
  'channel.not_found': { fr: 'Ce canal n’existe plus. Rechargez la page.', en: 'This channel no longer exists. Reload the page.' },
  'channel.window_closed': { fr: 'La plateforme n’autorise plus de réponse à ce client pour l’instant.', en: 'The platform no longer allows a reply to this customer for now.' },
  'channel.already_connected': { fr: 'Ce compte est déjà connecté à Relais.', en: 'This account is already connected to Relais.' },
  'channel.needs_reconnect': { fr: 'La plateforme a refusé le jeton : reconnectez ce canal.', en: 'The platform refused the token: reconnect this channel.' },
  'channel.policy_refused': { fr: 'La plateforme a refusé : vérifiez le jeton, le compte et ses droits.', en: 'The platform refused: check the token, the account and its permissions.' },
  'channel.address_refused': { fr: 'Cette adresse d’API mène au réseau interne : Relais refuse de l’appeler. Indiquez l’adresse publique de la plateforme.', en: 'This API address leads into the internal network: Relais refuses to call it. Give the platform’s public address.' },
  'channel.unreachable': { fr: 'La plateforme ne répond pas à cette adresse. Vérifiez l’adresse de l’API, puis réessayez.', en: 'The platform does not answer at this address. Check the API address, then try again.' },
  'shop.address_refused': { fr: 'Cette adresse de boutique mène au réseau interne : Relais refuse de l’appeler. Indiquez l’adresse publique de la boutique.', en: 'This shop address leads into the internal network: Relais refuses to call it. Give the shop’s public address.' },
  'shop.unreachable': { fr: 'La boutique ne répond pas à cette adresse. Vérifiez l’adresse, puis réessayez.', en: 'The shop does not answer at this address. Check the address, then try again.' },
  'webhook.bad_signature': { fr: 'La signature du webhook est invalide.', en: 'The webhook signature is invalid.' },
  'webhook.unknown_provider': { fr: 'Ce fournisseur de webhooks est inconnu.', en: 'This webhook provider is unknown.' },
  'inbound.not_found': { fr: 'Cette livraison n’existe plus.', en: 'This delivery no longer exists.' },
  'conversation.not_found': { fr: 'Cette conversation n’existe plus. Rechargez la page.', en: 'This conversation no longer exists. Reload the page.' },
  'contact.not_found': { fr: 'Ce contact n’existe plus.', en: 'This contact no longer exists.' },
  'label.not_found': { fr: 'Cette étiquette n’existe plus.', en: 'This label no longer exists.' },
  'label.duplicate': { fr: 'Une étiquette porte déjà ce nom.', en: 'A label already has this name.' },
  'canned_reply.not_found': { fr: 'Cette réponse type n’existe plus.', en: 'This canned reply no longer exists.' },
  'canned_reply.duplicate': { fr: 'Une réponse type porte déjà ce raccourci.', en: 'A canned reply already uses this shortcut.' },
  'outbound.not_found': { fr: 'Cet envoi n’existe plus.', en: 'This send no longer exists.' },
  'message.not_found': { fr: 'Ce message n’existe plus.', en: 'This message no longer exists.' },
  'message.too_long': { fr: 'Ce message est trop long pour la plateforme.', en: 'This message is too long for the platform.' },
  'team.not_found': { fr: 'Cette équipe n’existe plus.', en: 'This team no longer exists.' },
  'team.duplicate': { fr: 'Une équipe porte déjà ce nom.', en: 'A team already has this name.' },
  'job.conflict': { fr: 'Cette tâche ne peut pas être relancée dans son état actuel.', en: 'This job cannot be retried in its current state.' },
  'job.not_found': { fr: 'Cette tâche n’existe plus.', en: 'This job no longer exists.' },
  'job.invalid_payload': { fr: 'Cette tâche porte des données mal formées.', en: 'This job carries a malformed payload.' },
  'idempotency.key_required': { fr: 'Chaque envoi doit porter une clé d’idempotence (en-tête Idempotency-Key).', en: 'Every send needs an idempotency key (Idempotency-Key header).' },
  'idempotency.conflict': { fr: 'Ce message est déjà parti avec un autre texte. Rechargez la conversation avant de réécrire.', en: 'This message already went out with a different text. Reload the conversation before writing again.' },
  'idempotency.in_progress': { fr: 'Ce message est en cours d’envoi ; patientez un instant.', en: 'This message is being sent; wait a moment.' },
  'rule.not_found': { fr: 'Cette règle n’existe plus.', en: 'This rule no longer exists.' },
  'settings.conflict': { fr: 'Ces réglages ont changé entre-temps. Rechargez la page.', en: 'These settings changed meanwhile. Reload the page.' },
  'notification.not_found': { fr: 'Cette notification n’existe plus.', en: 'This notification no longer exists.' },
  'promo_code.created_by_relais': { fr: 'Ce code promo a été créé par Relais et ne peut pas être associé à la main.', en: 'This promo code was created by Relais and cannot be mapped by hand.' },
  'privacy.export_not_found': { fr: 'Cet export n’existe plus.', en: 'This export no longer exists.' },
  'contest.not_found': { fr: 'Ce jeu-concours n’existe pas.', en: 'This contest does not exist.' },
  'contest.not_drawn': { fr: 'Le tirage de ce jeu n’a pas encore eu lieu.', en: 'This contest has not been drawn yet.' },
  'contest.already_drawn': { fr: 'Ce jeu a déjà été tiré au sort.', en: 'This contest has been drawn already.' },
  'contest.still_running': { fr: 'Le jeu n’est pas terminé : le tirage se fait après sa fin.', en: 'The contest is still running: draw after it ends.' },
  'ambassador.no_shop': { fr: 'Connectez une boutique (Shopify ou WooCommerce) pour créer un code personnel.', en: 'Connect a shop (Shopify or WooCommerce) to create a personal code.' },
  'ambassador.shop_refused': { fr: 'La boutique a refusé de créer ce code.', en: 'The shop refused to create this code.' },
  'post.not_found': { fr: 'Cette publication n’existe pas.', en: 'This post does not exist.' },
  'post.not_editable': { fr: 'Cette publication ne peut plus être modifiée.', en: 'This post can no longer be changed.' },
  'post.invalid': { fr: 'La publication ne respecte pas les règles d’un réseau.', en: 'The post breaks a network’s rules.' },
  'media.not_found': { fr: 'Cette image n’existe pas.', en: 'This image does not exist.' },
  'internal.error': { fr: 'Une erreur est survenue de notre côté. Réessayez ; si elle revient, prévenez votre administrateur.', en: 'Something went wrong on our side. Try again; if it persists, tell your admin.' },
  'service.unavailable': { fr: 'Relais est momentanément indisponible. Réessayez dans un instant.', en: 'Relais is briefly unavailable. Try again in a moment.' },
  'report_export.not_found': { fr: 'Cet export n’existe pas.', en: 'This export does not exist.' },
  'report_export.not_ready': { fr: 'L’export n’est pas encore terminé.', en: 'The export is not finished yet.' },
  'auth.token_expired': { fr: 'Ce jeton d’API a expiré. Créez-en un nouveau dans Réglages › Jetons d’API.', en: 'This API token has expired. Create a new one in Settings › API tokens.' },
  'auth.token_scope': { fr: 'La portée de ce jeton d’API ne permet pas cette action.', en: 'This API token’s scope does not allow this action.' },
  'token.expiry_past': { fr: 'La date d’expiration doit être dans le futur.', en: 'The expiry date must be in the future.' },
  'webhook.not_found': { fr: 'Cet abonnement webhook n’existe plus.', en: 'This webhook subscription no longer exists.' },
  'webhook.delivery_not_found': { fr: 'Cet envoi n’existe plus dans le journal.', en: 'This delivery is no longer in the log.' },
  'webhook.url_refused': { fr: 'Relais refuse d’envoyer à cette adresse (réseau interne, ou https exigé). Indiquez l’adresse publique de votre système.', en: 'Relais refuses to send to this address (internal network, or https required). Give your system’s public address.' },
  'webhook.disabled': { fr: 'Cet abonnement est désactivé : réactivez-le d’abord.', en: 'This subscription is turned off: turn it on first.' },
};

/**
 * The caller's language from an `Accept-Language` header: the first of French or English
 * it names, by preference order; English when it names neither (API clients).
 */
export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const tags = acceptLanguage.split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    return { lang: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
  });
  tags.sort((a, b) => b.weight - a.weight || a.index - b.index);
  const found = tags.find((tag) => tag.weight > 0 && (tag.lang === 'fr' || tag.lang === 'en'));
  return found?.lang === 'fr' ? 'fr' : 'en';
}

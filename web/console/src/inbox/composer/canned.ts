import type { CannedReply } from '../../../../../src/contracts/index.ts';
import { fold } from './text-tokens.ts';

export interface TemplateContext {
  contactName: string | null;
  agentName: string | null;
  workspaceName: string;
  /** The customer's last order and open cart, when a shop is linked (`{{order.last.number}}`…). */
  lastOrderNumber?: string | null;
  /** Already in the agent's language ("Expédiée"). */
  lastOrderStatus?: string | null;
  cartUrl?: string | null;
}

/** The variables a canned reply may use (docs/api.md); the console fills them before sending. */
export const templateVariables = ['contact.first_name', 'contact.name', 'agent.first_name', 'agent.name', 'workspace.name', 'order.last.number', 'order.last.status', 'cart.url'] as const;

export function firstName(name: string | null): string {
  return name?.trim().split(/\s+/)[0] ?? '';
}

function valueOf(variable: string, context: TemplateContext): string | undefined {
  switch (variable) {
    case 'contact.first_name': return firstName(context.contactName);
    case 'contact.name': return context.contactName?.trim() ?? '';
    case 'agent.first_name': return firstName(context.agentName);
    case 'agent.name': return context.agentName?.trim() ?? '';
    case 'workspace.name': return context.workspaceName;
    case 'order.last.number': return context.lastOrderNumber ?? '';
    case 'order.last.status': return context.lastOrderStatus ?? '';
    case 'cart.url': return context.cartUrl ?? '';
    default: return undefined;
  }
}

/**
 * Fills `{{variable}}` (spaces inside the braces allowed). An unknown variable stays as
 * written so the agent sees it; a known one without a value (no contact name) becomes empty
 * and is listed in `missing`, so the preview can say so.
 */
export function fillTemplate(body: string, context: TemplateContext): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, variable: string) => {
    const value = valueOf(variable, context);
    if (value === undefined) return match;
    if (value === '' && !missing.includes(variable)) missing.push(variable);
    return value;
  });
  // "Bonjour {{contact.first_name}}," without a name reads "Bonjour ,": close the gap.
  return { text: missing.length > 0 ? text.replace(/ +([,.])/g, '$1').replace(/ {2,}/g, ' ') : text, missing };
}

/**
 * The missing variables that would leave a hole in the sentence sent to the customer ("votre
 * commande est au statut ."): an order or a cart the conversation does not have. A missing
 * name is closed up by `fillTemplate`; these block the insertion instead.
 */
export function holesIn(missing: readonly string[]): string[] {
  return missing.filter((variable) => variable.startsWith('order.') || variable.startsWith('cart.'));
}

/** Canned replies whose shortcut or title matches what follows the `/`; shortcut prefixes first. */
export function matchCanned(replies: CannedReply[], query: string): CannedReply[] {
  const wanted = fold(query.trim());
  if (!wanted) return [...replies].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
  const score = (reply: CannedReply) => {
    const shortcut = fold(reply.shortcut);
    if (shortcut.startsWith(wanted)) return 0;
    if (shortcut.includes(wanted)) return 1;
    return fold(reply.title).includes(wanted) ? 2 : 3;
  };
  return replies.map((reply) => ({ reply, score: score(reply) })).filter((r) => r.score < 3)
    .sort((a, b) => a.score - b.score || a.reply.shortcut.localeCompare(b.reply.shortcut)).map((r) => r.reply);
}

/**
 * A rule names labels, canned replies, people and charter clauses by id. They must exist
 * when the rule is saved, so a typo is a 400 in the editor, not a failure at 3 a.m.
 */
import type { Rule } from '../../care/index.ts';
import { AppError, type FieldErrors } from '../../kernel/index.ts';
import type { Db } from '../../store/index.ts';
import { currentCharter } from './charters.ts';

export async function checkReferences(db: Db, workspaceId: string, rule: Rule): Promise<void> {
  const fields: FieldErrors = {};
  const labels = new Set((await db.selectFrom('labels').select('id').where('workspace_id', '=', workspaceId).execute()).map((r) => r.id));
  const replies = new Set((await db.selectFrom('canned_replies').select('id').where('workspace_id', '=', workspaceId).execute()).map((r) => r.id));
  const members = new Set((await db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).execute()).map((r) => r.user_id));
  const clauses = new Set((await currentCharter(db, workspaceId)).clauses.map((c) => c.id));
  const problem = (path: string, message: string) => (fields[path] ??= []).push(message);
  rule.conditions.forEach((condition, i) => {
    if (condition.type === 'label' && !labels.has(condition.label)) problem(`conditions.${i}.label`, 'unknown label');
  });
  rule.actions.forEach((action, i) => {
    const at = `actions.${i}`;
    if (action.type === 'add_label' && !labels.has(action.label)) problem(`${at}.label`, 'unknown label');
    if ((action.type === 'reply' || action.type === 'auto_acknowledge') && !replies.has(action.cannedReplyId)) problem(`${at}.cannedReplyId`, 'unknown canned reply');
    if (action.type === 'assign' && action.to.kind === 'user' && !members.has(action.to.userId)) problem(`${at}.to.userId`, 'not a member');
    if (action.type === 'notify' && action.to.kind === 'users') {
      action.to.userIds.forEach((userId, j) => { if (!members.has(userId)) problem(`${at}.to.userIds.${j}`, 'not a member'); });
    }
    if (action.type === 'hide_comment' && action.charterClauseId && !clauses.has(action.charterClauseId)) problem(`${at}.charterClauseId`, 'unknown clause');
  });
  if (Object.keys(fields).length > 0) {
    const summary = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ');
    throw new AppError('request.invalid', `Invalid rule: ${summary}`, { fields });
  }
}

/**
 * A workspace's automation rules: each body is validated by `ruleSchema` when written and
 * again when read, every edit of its name or body bumps the version, and every version is
 * kept so a firing's "rule 'Insultes' v3" can be looked up.
 */
import { ruleSchema, type Rule, type RuleEvent } from '../../care/index.ts';
import { AppError, newId, parseInput } from '../../kernel/index.ts';
import type { Db, RulesTable } from '../../store/index.ts';
import type { InboxDeps } from '../deps.ts';
import { checkReferences } from './rule-references.ts';

/** What an author writes; id, version and order are the store's. */
export interface RuleDraft {
  name: string;
  enabled?: boolean | undefined;
  event: RuleEvent;
  conditions: unknown[];
  actions: unknown[];
  stop?: boolean | undefined;
}

export interface RuleView extends Rule {
  updatedAt: number;
}

type Deps = Pick<InboxDeps, 'db' | 'clock'>;

function toRule(row: Pick<RulesTable, 'id' | 'name' | 'version' | 'position' | 'enabled' | 'body'>): Rule {
  const body = JSON.parse(row.body) as object;
  return ruleSchema.parse({ ...body, id: row.id, name: row.name, version: row.version, order: row.position, enabled: row.enabled === 1 });
}

/** Valid rules of a workspace in order; `event` narrows to one event. A rule that no longer validates is left out. */
export async function loadRules(db: Db, workspaceId: string, event?: RuleEvent): Promise<Rule[]> {
  let query = db.selectFrom('rules').select(['id', 'name', 'version', 'position', 'enabled', 'body']).where('workspace_id', '=', workspaceId);
  if (event) query = query.where('event', '=', event);
  const rows = await query.orderBy('position').orderBy('id').execute();
  return rows.flatMap((row) => {
    try {
      return [toRule(row)];
    } catch {
      return [];
    }
  });
}

export async function listRules(deps: Pick<InboxDeps, 'db'>, workspaceId: string): Promise<RuleView[]> {
  const rows = await deps.db.selectFrom('rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
  return rows.flatMap((row) => {
    try {
      return [{ ...toRule(row), updatedAt: row.updated_at }];
    } catch {
      return [];
    }
  });
}

/** Validates a draft as the rule it would become, with field errors as any edge input. */
export function draftToRule(draft: RuleDraft, id: string, version: number, order: number): Rule {
  return parseInput(ruleSchema, { enabled: true, stop: false, ...draft, id, version, order });
}

function bodyOf(rule: Rule): string {
  return JSON.stringify({ event: rule.event, conditions: rule.conditions, actions: rule.actions, stop: rule.stop });
}

export async function createRule(deps: Deps, workspaceId: string, by: string | null, draft: RuleDraft): Promise<RuleView> {
  const now = deps.clock.now();
  const last = await deps.db.selectFrom('rules').select((eb) => eb.fn.max('position').as('max')).where('workspace_id', '=', workspaceId).executeTakeFirst();
  const rule = draftToRule(draft, newId(now), 1, Number(last?.max ?? -1) + 1);
  await checkReferences(deps.db, workspaceId, rule);
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('rules').values({
      workspace_id: workspaceId, id: rule.id, name: rule.name, version: 1, position: rule.order, enabled: rule.enabled ? 1 : 0, event: rule.event,
      body: bodyOf(rule), created_at: now, updated_at: now, updated_by: by,
    }).execute();
    await trx.insertInto('rule_versions').values({ workspace_id: workspaceId, rule_id: rule.id, version: 1, name: rule.name, body: bodyOf(rule), created_at: now, created_by: by }).execute();
  });
  return { ...rule, updatedAt: now };
}

async function currentRow(db: Db, workspaceId: string, id: string) {
  const row = await db.selectFrom('rules').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('rule.not_found', 'Rule not found');
  return row;
}

/** A new version when the name or the body changes; the same version when nothing did. */
export async function updateRule(deps: Deps, workspaceId: string, by: string | null, id: string, draft: RuleDraft): Promise<RuleView> {
  const now = deps.clock.now();
  const row = await currentRow(deps.db, workspaceId, id);
  const same = draftToRule(draft, id, row.version, row.position);
  if (same.name === row.name && bodyOf(same) === row.body) {
    if (same.enabled !== (row.enabled === 1)) await setRuleEnabled(deps, workspaceId, id, same.enabled);
    return { ...same, updatedAt: row.updated_at };
  }
  const rule = { ...same, version: row.version + 1 };
  await checkReferences(deps.db, workspaceId, rule);
  await deps.db.transaction().execute(async (trx) => {
    // Guarded by the version read: two editors saving at once cannot both become v+1.
    const result = await trx.updateTable('rules').set({ name: rule.name, version: rule.version, enabled: rule.enabled ? 1 : 0, event: rule.event, body: bodyOf(rule), updated_at: now, updated_by: by })
      .where('workspace_id', '=', workspaceId).where('id', '=', id).where('version', '=', row.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('settings.conflict', 'Someone edited this rule at the same time; reload and try again');
    await trx.insertInto('rule_versions').values({ workspace_id: workspaceId, rule_id: id, version: rule.version, name: rule.name, body: bodyOf(rule), created_at: now, created_by: by }).execute();
  });
  return { ...rule, updatedAt: now };
}

/** Switching a rule on or off changes what runs, not what the rule says: same version. */
export async function setRuleEnabled(deps: Deps, workspaceId: string, id: string, enabled: boolean): Promise<void> {
  await currentRow(deps.db, workspaceId, id);
  await deps.db.updateTable('rules').set({ enabled: enabled ? 1 : 0, updated_at: deps.clock.now() }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/**
 * Sets the chain's order: `ids` must name every listed rule once. Rules left out of the list
 * because they no longer validate keep their relative order after the others.
 */
export async function reorderRules(deps: Deps, workspaceId: string, ids: string[]): Promise<void> {
  const listed = new Set((await listRules(deps, workspaceId)).map((rule) => rule.id));
  if (ids.length !== listed.size || new Set(ids).size !== ids.length || ids.some((id) => !listed.has(id))) {
    throw new AppError('request.invalid', 'List every rule exactly once', { fields: { ids: ['must list every rule exactly once'] } });
  }
  const rows = await deps.db.selectFrom('rules').select('id').where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
  const order = [...ids, ...rows.map((row) => row.id).filter((id) => !listed.has(id))];
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    for (const [position, id] of order.entries()) {
      await trx.updateTable('rules').set({ position, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    }
  });
}

/** Removes a rule from the chain; its versions and firings stay for the trail. */
export async function deleteRule(deps: Pick<InboxDeps, 'db'>, workspaceId: string, id: string): Promise<void> {
  const result = await deps.db.deleteFrom('rules').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('rule.not_found', 'Rule not found');
}

/** What rules did to a message, read from its `meta.rules` (src/inbox/automation/run-rules.ts). */
export interface TrailEntry {
  ruleId: string;
  ruleName: string;
  version: number;
  event: string;
  at: number;
  outcomes: { type: string; status: 'done' | 'skipped' | 'failed'; detail?: string }[];
}

export function ruleTrail(meta: Record<string, unknown>): TrailEntry[] {
  const rules = meta.rules;
  if (!Array.isArray(rules)) return [];
  return rules.filter((entry): entry is TrailEntry =>
    typeof entry === 'object' && entry !== null && typeof entry.ruleName === 'string' && typeof entry.version === 'number' && Array.isArray(entry.outcomes));
}

/** A rule's moderation reason, "rule 'Insultes' v3", as its name and version. */
export function ruleOfReason(reason: string | null): { name: string; version: number } | undefined {
  const match = reason ? /^rule '(.*)' v(\d+)$/.exec(reason) : null;
  return match ? { name: match[1]!, version: Number(match[2]) } : undefined;
}

/** The protective private reply the charter stored with its verdict, if any. */
export function proposedReplyOf(meta: Record<string, unknown>): string | undefined {
  const charter = meta.charter as { proposedReply?: unknown } | undefined;
  return typeof charter?.proposedReply === 'string' ? charter.proposedReply : undefined;
}

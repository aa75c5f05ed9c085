import type { SlaMode, SlaPolicies } from '../api/routing.ts';

/** One policy as the form edits it: targets in minutes. */
export interface PolicyRow {
  surface: string;
  kind: 'public' | 'private';
  first: string;
  next: string;
  resolution: string;
  mode: SlaMode;
}

export const surfaces = ['*', 'x', 'messenger', 'instagram', 'facebook', 'webchat'] as const;

const minutes = (ms: number) => String(Math.round(ms / 60_000));

/** Policies as rows, the `*` fallbacks first. */
export function rowsOf(policies: SlaPolicies): PolicyRow[] {
  return Object.entries(policies)
    .map(([key, p]) => {
      const [surface = '*', kind] = key.split(':');
      return { surface, kind: kind === 'public' ? 'public' as const : 'private' as const, first: minutes(p.firstResponseMs), next: minutes(p.nextResponseMs), resolution: minutes(p.resolutionMs), mode: p.mode };
    })
    .sort((a, b) => Number(b.surface === '*') - Number(a.surface === '*') || a.surface.localeCompare(b.surface) || a.kind.localeCompare(b.kind));
}

/** Rows back to policies; a later row for the same surface and kind wins. Targets that are not whole minutes are refused. */
export function policiesOf(rows: PolicyRow[]): { policies: SlaPolicies } | { invalid: number[] } {
  const invalid: number[] = [];
  const policies: Record<string, SlaPolicies[string]> = {};
  rows.forEach((row, index) => {
    const values = [row.first, row.next, row.resolution].map((v) => Number(v));
    if (values.some((v) => !Number.isInteger(v) || v <= 0)) {
      invalid.push(index);
      return;
    }
    const [first, next, resolution] = values as [number, number, number];
    policies[`${row.surface}:${row.kind}`] = { firstResponseMs: first * 60_000, nextResponseMs: next * 60_000, resolutionMs: resolution * 60_000, mode: row.mode };
  });
  return invalid.length > 0 ? { invalid } : { policies: policies as SlaPolicies };
}

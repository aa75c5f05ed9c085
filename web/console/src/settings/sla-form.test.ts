import { describe, expect, it } from 'vitest';
import { policiesOf, rowsOf } from './sla-form.ts';

const H = 3_600_000;
const policies = {
  'x:public': { firstResponseMs: H, nextResponseMs: H, resolutionMs: 24 * H, mode: 'business' as const },
  '*:private': { firstResponseMs: H, nextResponseMs: H, resolutionMs: 24 * H, mode: 'business' as const },
  '*:public': { firstResponseMs: 8 * H, nextResponseMs: 8 * H, resolutionMs: 24 * H, mode: 'calendar' as const },
};

describe('SLA policies form', () => {
  it('lists the fallbacks first, in minutes, and gives back the same policies', () => {
    const rows = rowsOf(policies);
    expect(rows.map((r) => `${r.surface}:${r.kind}`)).toEqual(['*:private', '*:public', 'x:public']);
    expect(rows[1]).toMatchObject({ first: '480', resolution: '1440', mode: 'calendar' });
    expect(policiesOf(rows)).toEqual({ policies });
  });

  it('refuses empty, zero or fractional minutes, naming the rows', () => {
    const rows = rowsOf(policies);
    rows[0]!.first = '';
    rows[2]!.next = '7.5';
    expect(policiesOf(rows)).toEqual({ invalid: [0, 2] });
  });
});

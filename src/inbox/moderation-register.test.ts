import { describe, expect, it } from 'vitest';
import { registerCsv } from './moderation-register.ts';

describe('moderation register CSV', () => {
  const entry = (snapshot: string) => ({
    id: 'e1', at: Date.UTC(2026, 10, 23, 9, 0), action: 'hide' as const, actorType: 'rule' as const, actorId: 'charter:insultes',
    actorName: 'charter:insultes', clause: 'insultes@v1', reason: 'Insultes', messageId: 'm1', conversationId: 'c1', snapshot,
  });

  it('quotes every field, doubles quotes, and keeps line breaks inside the cell', () => {
    const csv = registerCsv([entry('Il a dit "non"\net puis voilà')]);
    expect(csv.split('\r\n')[1]).toBe('"2026-11-23T09:00:00.000Z","hide","rule","charter:insultes","insultes@v1","Insultes","c1","m1","Il a dit ""non""\net puis voilà"');
  });

  it('opens in French Excel: a UTF-8 byte-order mark and columns split on ;', () => {
    const csv = registerCsv([entry('Colis abîmé ; remboursé')], { bom: true, separator: ';' });
    expect(csv.startsWith('\uFEFFdate;action;')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('"2026-11-23T09:00:00.000Z";"hide";"rule";"charter:insultes";"insultes@v1";"Insultes";"c1";"m1";"Colis abîmé ; remboursé"');
  });

  it('never lets customer text run as a spreadsheet formula', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+33 6 12', '-1+1', '@SUM(A1)']) {
      expect(registerCsv([entry(attack)])).toContain(`"'${attack.replace(/"/g, '""')}"`);
    }
  });
});

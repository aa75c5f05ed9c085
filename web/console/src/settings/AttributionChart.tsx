import type { ReportRow } from '../api/commerce.ts';

/**
 * Horizontal bars in plain SVG (no chart library, no inline style: the CSP forbids it). Each
 * bar's width is its share of the largest value; the figures are in the table beside it.
 */
export function AttributionChart({ title, rows, label, money }: { title: string; rows: ReportRow[]; label: (row: ReportRow) => string; money: (cents: number, currency: string) => string }) {
  const most = Math.max(1, ...rows.map((r) => r.revenueCents));
  const height = 22;
  return (
    <svg className="attribution-chart" viewBox={`0 0 400 ${Math.max(1, rows.length) * height}`} role="img" aria-label={title} data-testid="attribution-chart">
      {rows.map((row, index) => (
        <g key={`${row.key}:${row.currency}`} transform={`translate(0 ${index * height})`}>
          <text x="0" y="15" className="chart-label">{label(row).slice(0, 22)}</text>
          <rect x="150" y="4" height="14" rx="2" className="chart-track" width="170" />
          <rect x="150" y="4" height="14" rx="2" className="chart-fill" width={(170 * row.revenueCents) / most} />
          <text x="325" y="15" className="chart-value">{money(row.revenueCents, row.currency)}</text>
        </g>
      ))}
    </svg>
  );
}

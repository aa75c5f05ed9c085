import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Okabe–Ito colours: told apart with every common colour-vision deficiency. */
export const palette = { blue: '#0072B2', orange: '#E69F00', green: '#009E73', vermillion: '#D55E00', grey: '#999999' };

interface Props {
  days: string[];
  series: { label: string; values: number[]; color: string }[];
  /** Read by screen readers; the same figures are in the table beside the chart. */
  label: string;
}

/**
 * A small line chart of per-day figures (uPlot: a kept, dependency-free canvas chart). The
 * canvas is hidden from assistive technology; the caller shows the numbers in a table.
 */
export function DailyChart({ days, series, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || days.length === 0) return;
    const x = days.map((day) => Date.parse(`${day}T12:00:00Z`) / 1000);
    const width = Math.max(320, box.current.clientWidth || 640);
    const chart = new uPlot({
      width, height: 220,
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: days.length < 40 } }))],
      axes: [{}, { size: 50 }],
      legend: { show: true },
    }, [x, ...series.map((s) => s.values)], box.current);
    return () => chart.destroy();
  }, [days, series]);
  return <div ref={box} className="report-chart" role="img" aria-label={label} data-testid="report-chart" />;
}

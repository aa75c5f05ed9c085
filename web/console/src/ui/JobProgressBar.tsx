import { useCallback, useEffect, useRef, useState } from 'react';
import { listJobProgress, type JobKind, type JobProgress } from '../api/tokens.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { useRealtimeSignals } from '../realtime/RealtimeProvider.tsx';

/**
 * The latest run of one kind of long work (and subject), read once, then moved by the
 * `job.progress` events the job publishes: no polling, no reload. `onFinished` runs when a
 * run seen running ends, so the screen can reread what the work changed.
 */
export function useJobProgress(kind: JobKind, subject = '', onFinished?: (run: JobProgress) => void): JobProgress | null {
  const [run, setRun] = useState<JobProgress | null>(null);
  const current = useRef<JobProgress | null>(null);
  const show = useCallback((next: JobProgress | null) => {
    current.current = next;
    setRun(next);
  }, []);
  useEffect(() => {
    let live = true;
    listJobProgress(kind).then((answer) => {
      // An event may have arrived first: it is newer than this answer.
      if (live && !current.current) show(answer.progress.find((row) => row.subject === subject) ?? null);
    }).catch(() => undefined);
    return () => { live = false; };
  }, [kind, subject, show]);
  useRealtimeSignals((signal) => {
    if (signal.type !== 'job.progress' || signal.data.kind !== kind || signal.data.subject !== subject) return;
    const before = current.current;
    const next = signal.data;
    if (before && before.runId === next.runId && before.updatedAt > next.updatedAt) return;
    show(next);
    if (before?.status === 'running' && next.status !== 'running') onFinished?.(next);
  });
  return run;
}

const phaseKeys: Record<string, MessageKey> = {
  starting: 'progress.phase.starting', reading: 'progress.phase.reading', training: 'progress.phase.training',
  fetching: 'progress.phase.fetching', writing: 'progress.phase.writing', done: 'progress.phase.done',
};

/**
 * An accessible bar (`role="progressbar"` with its values) and the run's state in words. The
 * fill is an SVG width, not an inline style, which the console's CSP forbids.
 */
export function JobProgressBar({ run, label }: { run: JobProgress | null; label: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!run) return null;
  const total = Math.max(run.total, run.status === 'done' ? 1 : 0);
  const done = run.status === 'done' ? total : run.done;
  const fraction = total > 0 ? done / total : 0;
  const phase = t(phaseKeys[run.phase] ?? 'progress.phase.working');
  const words = run.status === 'failed'
    ? t('progress.failed', { error: run.error ?? '' })
    : run.status === 'done'
      ? t('progress.done', { when: i18n.relative(run.finishedAt ?? run.updatedAt) })
      : total > 0 ? t('progress.running', { phase, done: String(run.done), total: String(run.total) }) : phase;
  return (
    <div className={`job-progress job-progress-${run.status}`} data-testid={`progress-${run.kind}`} data-status={run.status}>
      <div
        role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total || 1} aria-valuenow={total > 0 ? done : 0}
        aria-valuetext={words} aria-busy={run.status === 'running'}
      >
        <svg className="job-progress-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect className="job-progress-track" width="100" height="6" rx="3" />
          <rect className="job-progress-fill" width={Math.round(fraction * 100)} height="6" rx="3" />
        </svg>
      </div>
      <p className="muted job-progress-words" aria-live="polite">{words}</p>
    </div>
  );
}

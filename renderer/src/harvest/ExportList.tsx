import { useEffect } from 'react';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useT } from '../ui/i18n';
import { prepareExports } from './job-client';
import type { ExportFormat, ExportJob } from './harvest-api';
import { JobProgressLine } from './JobProgressLine';
import type { ExportRunner, ExportStatus } from './use-export';

export interface ExportItem {
  format: ExportFormat;
  label: MessageKey;
  hint: MessageKey;
}

interface ExportListProps {
  items: readonly ExportItem[];
  runner: ExportRunner;
  jobFor(format: ExportFormat): ExportJob;
  /** E.g. no sessions chosen; the reason is shown by the caller. */
  disabled?: boolean;
}

/** What can be saved, one row each: what it is, what it is for, and one button. */
export function ExportList({ items, runner, jobFor, disabled = false }: ExportListProps) {
  const t = useT();
  const busyFormat = runner.status.phase === 'busy' ? runner.status.format : null;
  // The list is shown: an export is likely, so the host readies its worker meanwhile.
  useEffect(() => prepareExports(), []);
  return (
    <>
      <ul className="harvest-list">
        {items.map((item) => (
          <li key={item.format} className="harvest-item">
            <div className="harvest-item-text">
              <h4>{t(item.label)}</h4>
              <p>{t(item.hint)}</p>
            </div>
            <button
              type="button"
              className="button button-primary"
              data-testid={`harvest-${item.format}`}
              disabled={disabled || runner.working}
              aria-label={t('harvest.saveItem', { item: t(item.label) })}
              onClick={() => void runner.start(jobFor(item.format))}
            >
              {busyFormat === item.format && <span className="harvest-spinner" aria-hidden="true" />}
              {t('harvest.save')}
            </button>
          </li>
        ))}
      </ul>
      <ExportStatusLine status={runner.status} onStop={runner.stop} />
    </>
  );
}

/** The one line that says how the export went; read out by screen readers as it changes. */
export function ExportStatusLine({ status, onStop }: { status: ExportStatus; onStop(): void }) {
  const t = useT();
  return (
    <div className="harvest-status" role="status" aria-live="polite" data-testid="harvest-status" data-phase={status.phase}>
      {status.phase === 'busy' && <JobProgressLine busy="harvest.busy" since={status.since} progress={status.progress} onStop={onStop} />}
      {status.phase === 'stopped' && <p className="harvest-stopped">{t('harvest.stopped')}</p>}
      {status.phase === 'done' && (
        <p className="harvest-done">
          <span aria-hidden="true">✓ </span>
          {t(status.key, status.params)}
        </p>
      )}
      {status.phase === 'failed' && (
        <p className="harvest-failed" role="alert">
          {t(status.key)}
        </p>
      )}
    </div>
  );
}

import { useState } from 'react';
import type { Id } from '../../../shared/domain';
import { exportFileStem as fileStem } from '../../../shared/http-routes';
import { useAppStore } from '../ui/app-context';
import { Dialog } from '../ui/Dialog';
import { formatDate } from '../ui/dates';
import { useT } from '../ui/i18n';
import { type ExportItem, ExportList } from './ExportList';
import type { ExportFormat, ExportJob } from './harvest-api';
import { HarvestButton } from './HarvestButton';
import { exportFileName } from './save-export';
import { useExport } from './use-export';
import './harvest.css';

const SESSION_ITEMS: readonly ExportItem[] = [
  { format: 'pdf', label: 'harvest.pdf', hint: 'harvest.pdfHint' },
  { format: 'docx', label: 'harvest.docx', hint: 'harvest.docxHint' },
  { format: 'sqlite', label: 'harvest.sqlite', hint: 'harvest.sqliteHint' },
  { format: 'csv', label: 'harvest.notesCsv', hint: 'harvest.notesCsvHint' },
  { format: 'votes-csv', label: 'harvest.votesCsv', hint: 'harvest.votesCsvHint' },
];

/**
 * "Oogsten" in an open session: its report, its archive and its two tables. The export's state is
 * kept here, outside the panel, so closing the panel while a big PDF is made loses nothing.
 */
export function SessionHarvest({ sessionId }: { sessionId: Id }) {
  const t = useT();
  const meta = useAppStore((state) => state.workspace?.sessions[sessionId]);
  const locale = useAppStore((state) => state.locale);
  const runner = useExport();
  const [open, setOpen] = useState(false);
  if (!meta) return null;

  const jobFor = (format: ExportFormat): ExportJob => ({
    scope: 'session',
    id: sessionId,
    format,
    lang: locale,
    fileName: exportFileName(fileStem(meta.title, meta.date), format),
  });

  return (
    <>
      <HarvestButton busy={runner.status.phase === 'busy'} onClick={() => setOpen(true)} />
      {open && (
        <Dialog title={t('harvest.title')} onClose={() => setOpen(false)}>
          <div className="harvest" data-testid="harvest-panel">
            <p className="harvest-context">
              <strong>{meta.title}</strong> · {meta.group || t('session.noGroup')} · {formatDate(meta.date, locale)}
            </p>
            <p className="dialog-text">{t('harvest.sessionIntro')}</p>
            <ExportList items={SESSION_ITEMS} runner={runner} jobFor={jobFor} />
          </div>
          <div className="dialog-buttons">
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('form.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

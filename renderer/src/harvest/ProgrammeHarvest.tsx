import type { Id } from '../../../shared/domain';
import { useAppStore } from '../ui/app-context';
import { Dialog } from '../ui/Dialog';
import { useT } from '../ui/i18n';
import { HarvestButton } from './HarvestButton';
import { ImportArchive } from './ImportArchive';
import { harvestableProgrammes } from './programme-sessions';
import { ProgrammeSummary } from './ProgrammeSummary';
import { useExport } from './use-export';
import './harvest.css';

/** Which programme the summary opens on; null: the first one (or reading in an archive). */
export interface SummaryRequest {
  programmeId: Id | null;
}

/**
 * "Programmasamenvatting" on the sessions screen, for the programme lead: one summary across the
 * sessions of a programme (with theme links to confirm first), the programme's archive, and
 * reading in an archive made on another laptop. Its own name, apart from a session's "Oogsten".
 * The sessions screen opens it from the top bar or from a programme's heading (`request`).
 */
export function ProgrammeHarvest({ request, onRequest }: { request: SummaryRequest | null; onRequest(next: SummaryRequest | null): void }) {
  const t = useT();
  const runner = useExport();
  const open = request !== null;
  const setOpen = (next: boolean) => onRequest(next ? { programmeId: null } : null);
  // On a laptop without programmes (a new one, say) reading in an archive is what there is to do.
  const nothingToSum = useAppStore((state) => harvestableProgrammes(state.workspace).length === 0);
  return (
    <>
      <HarvestButton busy={runner.status.phase === 'busy'} label={t('harvest.programmeButton')} hint={t('harvest.programmeButtonHint')} onClick={() => setOpen(true)} />
      {open && (
        <Dialog title={t('harvest.programmeButton')} onClose={() => setOpen(false)}>
          <div className={nothingToSum ? 'harvest' : 'harvest harvest-wide'} data-testid="harvest-panel">
            {nothingToSum && <ImportArchive />}
            <ProgrammeSummary runner={runner} initialProgrammeId={request.programmeId} />
            {!nothingToSum && <ImportArchive />}
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

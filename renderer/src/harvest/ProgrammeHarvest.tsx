import { useState } from 'react';
import { useAppStore } from '../ui/app-context';
import { Dialog } from '../ui/Dialog';
import { useT } from '../ui/i18n';
import { HarvestButton } from './HarvestButton';
import { ImportArchive } from './ImportArchive';
import { harvestableProgrammes } from './programme-sessions';
import { ProgrammeSummary } from './ProgrammeSummary';
import { useExport } from './use-export';
import './harvest.css';

/**
 * "Oogsten" on the sessions screen, for the programme lead: one summary across the sessions of a
 * programme (with theme links to confirm first), the programme's archive, and reading in an
 * archive made on another laptop.
 */
export function ProgrammeHarvest() {
  const t = useT();
  const runner = useExport();
  const [open, setOpen] = useState(false);
  // On a laptop without programmes (a new one, say) reading in an archive is what there is to do.
  const nothingToSum = useAppStore((state) => harvestableProgrammes(state.workspace).length === 0);
  return (
    <>
      <HarvestButton busy={runner.status.phase === 'busy'} onClick={() => setOpen(true)} />
      {open && (
        <Dialog title={t('harvest.title')} onClose={() => setOpen(false)}>
          <div className={nothingToSum ? 'harvest' : 'harvest harvest-wide'} data-testid="harvest-panel">
            {nothingToSum && <ImportArchive />}
            <ProgrammeSummary runner={runner} />
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

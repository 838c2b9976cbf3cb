import { type RefObject, useSyncExternalStore } from 'react';
import type { SessionState } from '../../../../shared/domain';
import { downloadDataUrl, exportBox, exportFileName, exportWorldPng } from '../../canvas/export-png';
import { modelViewBox } from '../../canvas/geometry';
import { CALM_THEME } from '../../canvas/theme';
import type { CanvasApi } from '../../canvas/ModelCanvas';
import { useAppStore, useStoreApi } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import type { BoardController } from './board-controller';
import { projectorContrast, setProjectorContrast, subscribeProjectorContrast } from './projector-link';

interface ViewControlsProps {
  session: SessionState;
  board: BoardController;
  apiRef: RefObject<CanvasApi | null>;
  readOnly: boolean;
  /** The sides bar at the bottom, so the board can keep the fitted model clear of it. */
  sidesRef?: RefObject<HTMLElement | null>;
}

/**
 * Where the facilitator looks, and the projector with them: the whole model or one side (the same
 * as 0 and 1–6), zooming, and the picture of the whole model as a PNG.
 */
export function ViewControls({ session, board, apiRef, readOnly, sidesRef }: ViewControlsProps) {
  const t = useT();
  const store = useStoreApi();
  const focus = session.flow.focusZoneId;
  const helpOpen = useAppStore((state) => state.panel === 'help');
  const contrast = useSyncExternalStore(subscribeProjectorContrast, projectorContrast);

  const exportPicture = () => {
    const stage = apiRef.current?.stage();
    const box = exportBox(modelViewBox(session.template.zones, Object.values(session.notes), 0.02));
    const url = stage ? exportWorldPng(stage, { box, paper: CALM_THEME.paper }) : null;
    if (!url) {
      store.getState().showToast({ tone: 'error', key: 'toast.exportFailed' });
      return;
    }
    downloadDataUrl(url, exportFileName(session.meta.title, session.meta.date));
    store.getState().showToast({ tone: 'info', key: 'toast.exported' });
  };

  return (
    <>
      <nav ref={sidesRef} className="view-sides" aria-label={t('view.sides')}>
        <button type="button" className="side-button" aria-pressed={focus === null} title={t('view.fitHint')} disabled={readOnly} onClick={() => board.fit()}>
          <kbd>0</kbd> {t('view.fit')}
        </button>
        {session.template.zones.slice(0, 6).map((zone, index) => (
          <button
            key={zone.id}
            type="button"
            className="side-button"
            aria-pressed={focus === zone.id}
            title={t('view.focusZone', { zone: zone.name, key: index + 1 })}
            disabled={readOnly}
            onClick={() => board.focusZone(index)}
          >
            <span className="side-dot" style={{ background: zone.color }} aria-hidden="true" />
            <kbd>{index + 1}</kbd> {zone.name}
          </button>
        ))}
      </nav>
      <fieldset className="view-zoom">
        <legend className="visually-hidden">{t('view.controls')}</legend>
        <button type="button" className="zoom-button" aria-label={t('view.zoomIn')} title={`${t('view.zoomIn')} (+)`} onClick={() => board.zoomIn()}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className="zoom-button" aria-label={t('view.zoomOut')} title={`${t('view.zoomOut')} (−)`} onClick={() => board.zoomOut()}>
          <span aria-hidden="true">−</span>
        </button>
        {/* The signs ⤓ and ◐ say little by themselves: these two carry a word under the sign as well. */}
        <button type="button" className="zoom-button zoom-button-worded" aria-label={t('board.exportPng')} title={t('board.exportPngHint')} onClick={exportPicture}>
          <span aria-hidden="true">⤓</span>
          <span className="zoom-word" aria-hidden="true">
            {t('board.exportPngShort')}
          </span>
        </button>
        <button
          type="button"
          className="zoom-button zoom-button-worded"
          aria-label={t('board.contrast')}
          title={t('board.contrast')}
          aria-pressed={contrast}
          onClick={() => setProjectorContrast(!contrast)}
        >
          <span aria-hidden="true">◐</span>
          <span className="zoom-word" aria-hidden="true">
            {t('board.contrastShort')}
          </span>
        </button>
        <button type="button" className="zoom-button" aria-label={t('board.help')} title={t('board.helpHint')} aria-pressed={helpOpen} onClick={() => board.toggleHelp()}>
          <span aria-hidden="true">?</span>
        </button>
      </fieldset>
    </>
  );
}

import type { SessionState } from '../../../../shared/domain';
import { paperTint } from '../../canvas/geometry';
import { liveSelection } from '../../store/selectors';
import { useAppStore } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import type { BoardController } from './board-controller';
import { PALETTE } from '../../canvas/palette';

/**
 * What can be done with what is selected, as buttons with their shortcut shown: recolour, group,
 * make an attention point, delete; or, for a group, rename, promote and ungroup.
 */
export function SelectionBar({ session, board }: { session: SessionState; board: BoardController }) {
  const t = useT();
  const selection = useAppStore((state) => state.selection);
  const clusterId = useAppStore((state) => state.selectedClusterId);
  const { notes, cluster } = liveSelection(session, selection, clusterId);
  if (notes.length === 0 && !cluster) return null;
  const zoneColor = (zoneId: string) => session.template.zones.find((zone) => zone.id === zoneId)?.color ?? '#999999';
  const firstColor = notes[0]?.color ?? null;

  return (
    <div className="selection-bar" role="toolbar" aria-label={t('selection.tools')} data-testid="selection-bar">
      {cluster ? (
        <>
          <span className="selection-what">{t('selection.cluster', { title: cluster.title })}</span>
          <button type="button" className="button button-quiet" onClick={() => board.editSelection()}>
            {t('selection.rename')} <kbd>F2</kbd>
          </button>
          <button type="button" className="button button-quiet" onClick={() => board.promote()}>
            {t('selection.promote')} <kbd>P</kbd>
          </button>
          <button type="button" className="button button-quiet" onClick={() => board.ungroup()}>
            {t('selection.ungroup')} <kbd>⇧G</kbd>
          </button>
        </>
      ) : (
        <>
          <span className="selection-what">{t('selection.count', { count: notes.length })}</span>
          <fieldset className="palette">
            <legend className="visually-hidden">{t('selection.color')}</legend>
            {PALETTE.map((entry) => (
              <button
                key={entry.label}
                type="button"
                className="swatch"
                aria-label={t(entry.label)}
                title={t(entry.label)}
                aria-pressed={entry.color === firstColor}
                style={{ background: paperTint(entry.color ?? zoneColor(notes[0]?.zoneId ?? ''), 0.45), borderColor: entry.color ?? zoneColor(notes[0]?.zoneId ?? '') }}
                onClick={() => board.recolor(entry.color)}
              />
            ))}
          </fieldset>
          <button type="button" className="button button-quiet" onClick={() => board.group()}>
            {t('selection.group')} <kbd>G</kbd>
          </button>
          <button type="button" className="button button-quiet" onClick={() => board.promote()}>
            {t('selection.promote')} <kbd>P</kbd>
          </button>
          <button type="button" className="button button-quiet button-danger" onClick={() => board.deleteSelection()}>
            {t('selection.delete')} <kbd>Del</kbd>
          </button>
        </>
      )}
    </div>
  );
}

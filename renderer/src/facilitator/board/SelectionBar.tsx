import type { SessionState } from '../../../../shared/domain';
import { paperTint } from '../../canvas/geometry';
import { PALETTE } from '../../canvas/palette';
import { liveSelection } from '../../store/selectors';
import { useAppStore } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import { type ActionContext, type BoardAction, keyLabel, offered, runAction } from './actions';
import type { BoardController } from './board-controller';

/**
 * What can be done with what is chosen, from the register: only the actions that apply in this
 * phase, each with its key. The colour action is drawn as the palette, first. When none applies (in the
 * voting phase, say) the bar says so, rather than offering buttons that would be refused.
 */
export function SelectionBar({ session, board, context }: { session: SessionState; board: BoardController; context: ActionContext }) {
  const t = useT();
  const selection = useAppStore((state) => state.selection);
  const clusterId = useAppStore((state) => state.selectedClusterId);
  const { notes, cluster } = liveSelection(session, selection, clusterId);
  if (notes.length === 0 && !cluster) return null;
  const actions = offered('bar', context);
  // The colours come first, as swatches: one look tells which colour the notes have.
  const palette = actions.find((action) => action.id === 'color');
  const zoneColor = (zoneId: string) => session.template.zones.find((zone) => zone.id === zoneId)?.color ?? '#999999';
  const firstColor = notes[0]?.color ?? null;
  const sideColor = zoneColor(notes[0]?.zoneId ?? '');

  const button = (action: BoardAction) => (
    <button
      key={action.id}
      type="button"
      className={`button button-quiet${action.danger ? ' button-danger' : ''}`}
      data-action={action.id}
      onClick={() => runAction(board, action)}
    >
      {t(action.labelIn(context))} {action.keys?.[0] !== undefined && <kbd>{keyLabel(action.keys[0], t)}</kbd>}
    </button>
  );

  return (
    <div className="selection-bar" role="toolbar" aria-label={t('selection.tools')} data-testid="selection-bar" data-phase={context.phase ?? ''}>
      <span className="selection-what">{cluster ? t('selection.cluster', { title: cluster.title }) : t('selection.count', { count: notes.length })}</span>
      {actions.length === 0 && context.phase && (
        <span className="selection-quiet" data-testid="selection-quiet">
          {t('boardAction.nothingInPhase', { phase: t(`phase.${context.phase}`) })}
        </span>
      )}
      {palette && (
        <fieldset className="palette" data-action={palette.id}>
          <legend className="visually-hidden">{t('selection.color')}</legend>
          {PALETTE.map((entry) => (
            <button
              key={entry.label}
              type="button"
              className="swatch"
              aria-label={t(entry.label)}
              title={t(entry.label)}
              aria-pressed={entry.color === firstColor}
              style={{ background: paperTint(entry.color ?? sideColor, 0.45), borderColor: entry.color ?? sideColor }}
              onClick={() => runAction(board, palette, { color: entry.color })}
            />
          ))}
        </fieldset>
      )}
      {actions.filter((action) => action !== palette).map(button)}
    </div>
  );
}

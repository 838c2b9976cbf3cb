import type { RefObject } from 'react';
import type { SessionState } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';
import { type ActionContext, BOARD_ACTIONS, boardAction, keyLabel, runAction } from './actions';
import type { BoardController } from './board-controller';

interface ViewControlsProps {
  session: SessionState;
  board: BoardController;
  context: ActionContext;
  /** The sides bar at the bottom, so the board can keep the fitted model clear of it. */
  sidesRef?: RefObject<HTMLElement | null>;
}

/**
 * Where the facilitator looks, and the projector with them: the whole model or one side (the same
 * as 0 and 1–6), and the register's view column (zooming, the picture of the whole model as a
 * PNG, the projector's contrast, the help).
 */
export function ViewControls({ session, board, context, sidesRef }: ViewControlsProps) {
  const t = useT();
  const focus = session.flow.focusZoneId;
  const fit = boardAction('fit');
  const focusZone = boardAction('focus');

  return (
    <>
      <nav ref={sidesRef} className="view-sides" aria-label={t('view.sides')}>
        <button
          type="button"
          className="side-button"
          aria-pressed={focus === null}
          title={t('view.fitHint')}
          disabled={!fit.appliesTo(context)}
          onClick={() => runAction(board, fit)}
        >
          <kbd>0</kbd> {t('view.fit')}
        </button>
        {session.template.zones.slice(0, 6).map((zone, index) => (
          <button
            key={zone.id}
            type="button"
            className="side-button"
            aria-pressed={focus === zone.id}
            title={t('view.focusZone', { zone: zone.name, key: index + 1 })}
            disabled={!focusZone.appliesTo(context)}
            onClick={() => runAction(board, focusZone, { zone: index })}
          >
            <span className="side-dot" style={{ background: zone.color }} aria-hidden="true" />
            <kbd>{index + 1}</kbd> {zone.name}
          </button>
        ))}
      </nav>
      <fieldset className="view-zoom">
        <legend className="visually-hidden">{t('view.controls')}</legend>
        {BOARD_ACTIONS.filter((action) => action.on?.includes('viewColumn')).map((action) => {
          const key = action.keys?.[0];
          const label = t(action.label);
          return (
            <button
              key={action.id}
              type="button"
              className={`zoom-button${action.word ? ' zoom-button-worded' : ''}`}
              aria-label={label}
              title={action.hint ? t(action.hint) : key !== undefined ? `${label} (${keyLabel(key, t)})` : label}
              aria-pressed={action.pressed?.(context)}
              disabled={!action.appliesTo(context)}
              data-action={action.id}
              onClick={() => runAction(board, action)}
            >
              <span aria-hidden="true">{action.icon}</span>
              {/* The signs ⤓ and ◐ say little by themselves: these carry a word under the sign as well. */}
              {action.word && (
                <span className="zoom-word" aria-hidden="true">
                  {t(action.word)}
                </span>
              )}
            </button>
          );
        })}
      </fieldset>
    </>
  );
}

import { nanoid } from 'nanoid';
import { useState } from 'react';
import { type Ingredient, LIMITS, type SessionState } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import type { RunCommand } from '../ui/use-command';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { statusKey } from './labels';

/**
 * Under an ingredient: make it an action of the programme, then say who takes it and by when.
 * Only in a session of a programme (an action belongs to the programme, for its next sessions).
 */
export function ActionMaker({ item, session, readOnly, run }: { item: Ingredient; session: SessionState; readOnly: boolean; run: RunCommand }) {
  const t = useT();
  const programmeId = session.meta.programmeId;
  const action = useAppStore((state) =>
    Object.values(state.workspace?.actions ?? {}).find((candidate) => candidate.ingredientId === item.id && candidate.sessionId === session.meta.id),
  );
  const [owner, setOwner] = useState(action?.owner ?? '');
  if (programmeId === null) return null;
  if (!action) {
    return (
      <button
        type="button"
        className="chip action-make"
        disabled={readOnly}
        onClick={() => void run(WORKSPACE_STREAM, { type: 'action.create', id: nanoid(), programmeId, sessionId: session.meta.id, ingredientId: item.id })}
        data-testid={`make-action-${item.id}`}
      >
        + {t('action.make')}
      </button>
    );
  }
  const update = (fields: { owner?: string; due?: string | null }) => void run(WORKSPACE_STREAM, { type: 'action.update', id: action.id, ...fields });
  return (
    <div className="action-line" data-testid={`action-${item.id}`} data-status={action.status}>
      <span className="action-badge">
        {t('action.made')} · {t(statusKey(action.status))}
      </span>
      <label>
        <span>{t('action.owner')}</span>
        <input
          value={owner}
          maxLength={LIMITS.actionOwner}
          placeholder={t('action.ownerHint')}
          disabled={readOnly}
          onChange={(event) => setOwner(event.target.value)}
          onBlur={() => owner.trim() !== action.owner && update({ owner })}
          data-testid={`action-owner-${item.id}`}
        />
      </label>
      <label>
        <span>{t('action.due')}</span>
        <input type="date" value={action.due ?? ''} disabled={readOnly} onChange={(event) => update({ due: event.target.value || null })} data-testid={`action-due-${item.id}`} />
      </label>
    </div>
  );
}

import { nanoid } from 'nanoid';
import { type AttentionPoint, type Id, LIMITS, type SessionState, type Zone } from '../../../../shared/domain';
import { ingredientPoints, ingredientsOf } from '../../../../shared/voting';
import { useT } from '../../ui/i18n';
import { AddLine, type EditorProps, RemoveButton } from './SideEditors';
import { EditableText } from './EditableText';
import { ActionMaker } from '../../review/ActionMaker';
import { ThemeSelect } from '../../themes/ThemeSelect';

export const pointsOf = (session: SessionState, zoneId: Id | null): AttentionPoint[] =>
  Object.values(session.attentionPoints)
    .filter((point) => point.zoneId === zoneId)
    .sort((a, b) => a.order - b.order);

/** Aandachtspunten of one side (or of every side and the whole session): add, rename, choose, remove, or make one from a theme. */
export function AttentionEditor({ zoneId, ...props }: EditorProps & { zoneId: Id | null }) {
  const { session } = props;
  const t = useT();
  const sides: (Zone | null)[] = zoneId ? session.template.zones.filter((zone) => zone.id === zoneId) : [...session.template.zones, null];
  return (
    <section className="flow-section" data-testid="attention-editor">
      <p className="flow-hint">{t('flow.attentionHint')}</p>
      {/* The checkbox on every point is one short word; what ticking it does is said once, here. */}
      <p className="flow-hint" data-testid="chosen-legend">
        {t('flow.chosenLegend')}
      </p>
      {sides.map((zone) => (
        <SidePoints key={zone?.id ?? 'session'} zone={zone} showName={sides.length > 1} {...props} />
      ))}
    </section>
  );
}

function SidePoints({ zone, showName, sessionId, session, readOnly, run }: EditorProps & { zone: Zone | null; showName: boolean }) {
  const t = useT();
  const zoneId = zone?.id ?? null;
  const points = pointsOf(session, zoneId);
  const titles = new Set(points.map((point) => point.title));
  // Themes of this side that are not a point yet: one click makes them one, with their words.
  const clusters = Object.values(session.clusters).filter((cluster) => cluster.zoneId === zoneId && !titles.has(cluster.title));
  return (
    <div className="flow-group" data-zone={zoneId ?? ''}>
      {showName && (
        <h3 className="flow-group-title">
          <span className="zone-dot" style={{ background: zone?.color ?? 'var(--ink-soft)' }} aria-hidden="true" />
          {zone?.name ?? t('flow.wholeSession')}
        </h3>
      )}
      {points.length === 0 && <p className="flow-empty">{t('flow.noPoints')}</p>}
      <ol className="flow-points">
        {points.map((point) => (
          <PointRow key={point.id} point={point} sessionId={sessionId} session={session} readOnly={readOnly} run={run} />
        ))}
      </ol>
      {clusters.length > 0 && (
        <div className="flow-from-clusters">
          <span className="flow-label-small">{t('flow.fromTheme')}</span>
          {clusters.map((cluster) => (
            <button
              key={cluster.id}
              type="button"
              className="chip"
              disabled={readOnly}
              onClick={() => void run(sessionId, { type: 'attention.add', id: nanoid(), zoneId, fromClusterId: cluster.id })}
            >
              + {cluster.title}
            </button>
          ))}
        </div>
      )}
      <AddLine
        label={t('flow.addPointFor', { side: zone?.name ?? t('flow.wholeSession') })}
        placeholder={t('flow.addPointPlaceholder')}
        disabled={readOnly}
        onAdd={(title) => void run(sessionId, { type: 'attention.add', id: nanoid(), zoneId, title: title.slice(0, LIMITS.title) })}
        testId={`add-point-${zoneId ?? 'session'}`}
      />
    </div>
  );
}

/** One attention point: its title to edit, whether it goes into the phase plan, and remove. */
export function PointRow({ point, sessionId, session, readOnly, run, dots }: Omit<EditorProps, 'session'> & { session?: SessionState; point: AttentionPoint; dots?: number }) {
  const t = useT();
  const programmeId = session?.meta.programmeId ?? null;
  return (
    <li className="flow-point" data-point={point.id} data-chosen={point.chosen}>
      <EditableText
        value={point.title}
        label={t('flow.pointTitle')}
        maxLength={LIMITS.title}
        disabled={readOnly}
        onSave={(title) => void run(sessionId, { type: 'attention.edit', id: point.id, title })}
      />
      {dots !== undefined && <span className="flow-dots">{t(dots === 1 ? 'flow.dotsOne' : 'flow.dots', { count: dots })}</span>}
      <ChooseBox point={point} sessionId={sessionId} readOnly={readOnly} run={run} />
      {/* Linking by hand to a theme of the programme, so "Samengevat" can gather it with other groups'. */}
      {programmeId !== null && (
        <ThemeSelect
          sessionId={sessionId}
          programmeId={programmeId}
          target="point"
          id={point.id}
          title={point.title}
          themeId={point.themeId}
          disabled={readOnly}
          run={run}
          label={t('points.themeFor', { title: point.title })}
          testId={`theme-${point.id}`}
        />
      )}
      <RemoveButton label={t('flow.removePoint', { title: point.title })} disabled={readOnly} onClick={() => void run(sessionId, { type: 'attention.delete', id: point.id })} />
    </li>
  );
}

export function ChooseBox({ point, sessionId, readOnly, run }: Omit<EditorProps, 'session'> & { point: AttentionPoint }) {
  const t = useT();
  return (
    <label className="flow-choose" title={t('flow.chosenHint')}>
      <input
        type="checkbox"
        checked={point.chosen}
        disabled={readOnly}
        onChange={(event) => void run(sessionId, { type: 'attention.edit', id: point.id, chosen: event.target.checked })}
        data-testid={`choose-${point.id}`}
      />
      {t('flow.chosen')}
    </label>
  );
}

/** Ingrediënten: concrete actions for each chosen attention point (or every point while none is chosen), in ranking order. */
export function IngredientsEditor({ sessionId, session, readOnly, run }: EditorProps) {
  const t = useT();
  const anyChosen = Object.values(session.attentionPoints).some((point) => point.chosen);
  const points = ingredientPoints(session);
  return (
    <section className="flow-section" data-testid="ingredients-editor">
      <p className="flow-hint">{anyChosen ? t('flow.ingredientsHint') : t('flow.ingredientsNoneChosen')}</p>
      {points.length === 0 && <p className="flow-empty">{t('flow.noPoints')}</p>}
      {points.map((point) => {
        const zone = session.template.zones.find((candidate) => candidate.id === point.zoneId);
        const items = ingredientsOf(session, point.id);
        return (
          <div key={point.id} className="flow-group" data-point={point.id}>
            <h3 className="flow-group-title">
              <span className="zone-dot" style={{ background: zone?.color ?? 'var(--ink-soft)' }} aria-hidden="true" />
              {point.title}
            </h3>
            <ul className="flow-list">
              {items.map((item) => (
                <li key={item.id}>
                  <EditableText
                    multiline
                    rows={2}
                    value={item.text}
                    label={t('flow.ingredientText')}
                    maxLength={LIMITS.noteText}
                    disabled={readOnly}
                    onSave={(text) => void run(sessionId, { type: 'ingredient.edit', id: item.id, text })}
                  />
                  <RemoveButton label={t('flow.removeIngredient', { text: item.text })} disabled={readOnly} onClick={() => void run(sessionId, { type: 'ingredient.delete', id: item.id })} />
                  <ActionMaker item={item} session={session} readOnly={readOnly} run={run} />
                </li>
              ))}
            </ul>
            <AddLine
              label={t('flow.addIngredientFor', { title: point.title })}
              placeholder={t('flow.addIngredientPlaceholder')}
              disabled={readOnly}
              onAdd={(text) => void run(sessionId, { type: 'ingredient.add', id: nanoid(), attentionPointId: point.id, text })}
              testId={`add-ingredient-${point.id}`}
            />
          </div>
        );
      })}
    </section>
  );
}

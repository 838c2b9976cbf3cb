import { useMemo, useState } from 'react';
import { ACTION_STATUSES, type Action, type ActionStatus } from '../../../shared/domain';
import { type ActionFilter, actionColumns, actionRows, actionsCsv, filterActions, sortActions } from '../../../shared/report/actions-table';
import { useAppStore } from '../ui/app-context';
import { Dialog } from '../ui/Dialog';
import { useT } from '../ui/i18n';
import { statusKey } from './labels';
import './review.css';

/**
 * All actions of a programme on one screen, for the programme lead: filter by status, owner, side
 * and session, and save what is shown as CSV (the shared formatter, formula cells neutralised).
 */
export function ActionsButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const has = useAppStore((state) => Object.keys(state.workspace?.actions ?? {}).length > 0);
  if (!has) return null;
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)} data-testid="actions-button">
        {t('actions.button')}
      </button>
      {open && <ActionsOverview onClose={() => setOpen(false)} />}
    </>
  );
}

export function ActionsOverview({ onClose }: { onClose(): void }) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const workspace = useAppStore((state) => state.workspace);
  const programmes = useMemo(
    () => Object.values(workspace?.programmes ?? {}).filter((programme) => Object.values(workspace?.actions ?? {}).some((action) => action.programmeId === programme.id)),
    [workspace],
  );
  const [programmeId, setProgrammeId] = useState(programmes[0]?.id ?? '');
  const [filter, setFilter] = useState<ActionFilter>({ status: 'all', owner: '', side: 'all', session: 'all' });
  const programme = programmes.find((candidate) => candidate.id === programmeId) ?? programmes[0];
  const sessions = workspace?.sessions ?? {};
  const all = Object.values(workspace?.actions ?? {}).filter((action) => action.programmeId === programme?.id);
  const shown = sortActions(filterActions(all, filter), sessions);
  const sides = [...new Set(all.map((action) => action.zoneId ?? 'session'))];
  const origin = [...new Set(all.map((action) => action.sessionId))];
  // Side names: the demo's and built-in models use ik / wij / het; the name is the id in capitals.
  const sideName = (action: Action) => (action.zoneId === null ? null : action.zoneId.toLocaleUpperCase());
  const context = { sessions, sideName };
  const rows = actionRows(shown, context, locale);
  const save = () => {
    const blob = new Blob([actionsCsv(shown, context, locale)], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `acties-${programme?.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase() ?? 'programma'}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const set = (fields: ActionFilter) => setFilter((current) => ({ ...current, ...fields }));
  return (
    <Dialog title={t('actions.title', { programme: programme?.name ?? '' })} onClose={onClose}>
      <div className="actions-overview" data-testid="actions-overview">
        <p className="harvest-note">{t('actions.intro')}</p>
        <div className="actions-filters">
          {programmes.length > 1 && (
            <label>
              <span>{t('harvest.programme')}</span>
              <select value={programme?.id} onChange={(event) => setProgrammeId(event.target.value)}>
                {programmes.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            <span>{t('actions.filterStatus')}</span>
            <select value={filter.status} onChange={(event) => set({ status: event.target.value as ActionStatus | 'all' })} data-testid="actions-filter-status">
              <option value="all">{t('actions.all')}</option>
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(statusKey(status))}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('actions.filterOwner')}</span>
            <input value={filter.owner} onChange={(event) => set({ owner: event.target.value })} data-testid="actions-filter-owner" />
          </label>
          <label>
            <span>{t('actions.filterSide')}</span>
            <select value={filter.side} onChange={(event) => set({ side: event.target.value })}>
              <option value="all">{t('actions.all')}</option>
              {sides.map((side) => (
                <option key={side} value={side}>
                  {side === 'session' ? t('actions.wholeSession') : side.toLocaleUpperCase()}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('actions.filterSession')}</span>
            <select value={filter.session} onChange={(event) => set({ session: event.target.value })}>
              <option value="all">{t('actions.all')}</option>
              {origin.map((id) => (
                <option key={id} value={id}>
                  {sessions[id]?.title ?? id}
                </option>
              ))}
            </select>
          </label>
        </div>
        {shown.length === 0 ? (
          <p className="flow-empty">{t('actions.none')}</p>
        ) : (
          <div className="actions-table-wrap">
            <table className="actions-table" data-testid="actions-table">
              <thead>
                <tr>
                  {actionColumns(locale).map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((action, index) => (
                  <tr key={action.id} data-action={action.id} data-status={action.status}>
                    {(rows[index] ?? []).map((cell, column) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed.
                      <td key={column}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <div className="dialog-buttons">
        <button type="button" className="button button-primary" disabled={shown.length === 0} onClick={save} data-testid="actions-csv">
          {t('actions.csv')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Dialog>
  );
}

import { useId, useMemo, useState } from 'react';
import { exportFileStem as fileStem } from '../../../shared/http-routes';
import { useAppStore } from '../ui/app-context';
import { formatDate } from '../ui/dates';
import { useT } from '../ui/i18n';
import { type ExportItem, ExportList } from './ExportList';
import type { ExportFormat, ExportJob } from './harvest-api';
import { ProgrammeThemes } from '../themes/ProgrammeThemes';
import { harvestableProgrammes } from './programme-sessions';
import { exportFileName } from './save-export';
import type { ExportRunner } from './use-export';

const PROGRAMME_ITEMS: readonly ExportItem[] = [
  { format: 'pdf', label: 'harvest.programmePdf', hint: 'harvest.programmePdfHint' },
  { format: 'docx', label: 'harvest.programmeDocx', hint: 'harvest.programmeDocxHint' },
  { format: 'sqlite', label: 'harvest.programmeSqlite', hint: 'harvest.programmeSqliteHint' },
];

/** Choose a programme and its sessions; link themes and write "Samengevat"; save the summary or the archive. */
export function ProgrammeSummary({ runner, initialProgrammeId = null }: { runner: ExportRunner; initialProgrammeId?: string | null }) {
  const t = useT();
  const workspace = useAppStore((state) => state.workspace);
  const locale = useAppStore((state) => state.locale);
  const programmes = useMemo(() => harvestableProgrammes(workspace), [workspace]);
  const [pickedId, setPickedId] = useState<string | null>(initialProgrammeId);
  // Sessions left out, per programme: a session added later is in by default.
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const headingId = useId();
  const current = programmes.find((entry) => entry.programme.id === pickedId) ?? programmes[0];

  const chosen = useMemo(() => current?.sessions.filter((meta) => !leftOut.has(meta.id)).map((meta) => meta.id) ?? [], [current, leftOut]);

  if (!current) {
    return (
      <section className="harvest-section" aria-labelledby={headingId}>
        <h3 id={headingId}>{t('harvest.summary')}</h3>
        <p className="harvest-note">{t('harvest.noProgramme')}</p>
      </section>
    );
  }

  const toggle = (id: string) => {
    const next = new Set(leftOut);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setLeftOut(next);
  };
  const jobFor = (format: ExportFormat): ExportJob => ({
    scope: 'programme',
    id: current.programme.id,
    format,
    lang: locale,
    sessions: chosen,
    fileName: exportFileName(fileStem(current.programme.name), format),
  });

  return (
    <section className="harvest-section" aria-labelledby={headingId} data-testid="harvest-programme">
      <h3 id={headingId}>{t('harvest.summary')}</h3>
      <p className="harvest-note">{t('harvest.summaryIntro')}</p>
      <div className="harvest-columns">
        <div>
          {programmes.length > 1 ? (
            <label className="harvest-field">
              <span>{t('harvest.programme')}</span>
              <select
                value={current.programme.id}
                onChange={(event) => {
                  setPickedId(event.target.value);
                  setLeftOut(new Set());
                }}
              >
                {programmes.map(({ programme }) => (
                  <option key={programme.id} value={programme.id}>
                    {programme.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="harvest-field">
              <span>{t('harvest.programme')}</span> <strong>{current.programme.name}</strong>
            </p>
          )}
          <fieldset className="harvest-sessions">
            <legend>{t('harvest.chooseSessions')}</legend>
            {current.sessions.map((meta) => (
              <label key={meta.id} className="harvest-check">
                <input type="checkbox" checked={!leftOut.has(meta.id)} onChange={() => toggle(meta.id)} data-session-id={meta.id} />
                <span>
                  <strong>{meta.group || t('session.noGroup')}</strong> · {formatDate(meta.date, locale)}
                  <span className="harvest-check-title">{meta.title}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {chosen.length === 0 && <p className="harvest-failed">{t('harvest.noneChosen')}</p>}
          <ExportList items={PROGRAMME_ITEMS} runner={runner} jobFor={jobFor} disabled={chosen.length === 0} />
        </div>
      </div>
      {chosen.length > 0 && <ProgrammeThemes programmeId={current.programme.id} sessions={chosen} />}
    </section>
  );
}

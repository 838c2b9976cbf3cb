import { useState } from 'react';
import { type Id, LIMITS, type SessionState } from '../../../../shared/domain';
import { translateIfKnown } from '../../../../shared/i18n/messages';
import { WORKSPACE_STREAM } from '../../../../shared/protocol';
import { useAppStore } from '../../ui/app-context';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useT } from '../../ui/i18n';
import type { CommandInput } from '../../client';
import type { RunCommand } from '../../ui/use-command';
import { type ProgrammeChoice, ProgrammeField, resolveProgramme } from './programme';
import { changedSettings, SettingsFields } from './SettingsFields';
import { sameWorkMode, type WorkModeChoice, WorkModeField, workModeOf } from './WorkModeField';

interface SetupDialogProps {
  sessionId: Id;
  session: SessionState;
  readOnly: boolean;
  run: RunCommand;
  onClose(): void;
}

/**
 * "Instellingen" of an open session: programme, group, date, facilitator, the question per side,
 * and the rules (dots, anonymity, hidden notes, moderation). Saving sends only what changed.
 */
export function SetupDialog({ sessionId, session, readOnly, run, onClose }: SetupDialogProps) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const { meta, template } = session;
  const [group, setGroup] = useState(meta.group);
  const [date, setDate] = useState(meta.date);
  const [facilitator, setFacilitator] = useState(meta.facilitator);
  const [programme, setProgramme] = useState<ProgrammeChoice>({ programmeId: meta.programmeId, newName: null });
  const [questions, setQuestions] = useState(() => Object.fromEntries(template.zones.map((zone) => [zone.id, zone.question])));
  const [settings, setSettings] = useState(session.settings);
  const [working, setWorking] = useState<WorkModeChoice>(() => workModeOf(template));

  const submit = async () => {
    const commands: CommandInput[] = [];
    const metaChanges = {
      ...(group.trim() !== meta.group ? { group: group.trim() } : {}),
      ...(date !== meta.date ? { date } : {}),
      ...(facilitator.trim() !== meta.facilitator ? { facilitator: facilitator.trim() } : {}),
    };
    if (Object.keys(metaChanges).length > 0) commands.push({ type: 'meta.update', ...metaChanges });
    for (const zone of template.zones) {
      const question = questions[zone.id] ?? zone.question;
      if (question !== zone.question) commands.push({ type: 'zone.update', id: zone.id, question });
    }
    const settingChanges = changedSettings(session.settings, settings);
    if (Object.keys(settingChanges).length > 0) commands.push({ type: 'settings.update', ...settingChanges });
    for (const command of commands) if (!(await run(sessionId, command))) return false;
    const programmeId = await resolveProgramme(run, programme);
    if (programmeId === undefined) return false;
    if (programmeId !== meta.programmeId) {
      if (!(await run(WORKSPACE_STREAM, { type: 'session.programme', id: sessionId, programmeId }))) return false;
    }
    // Last, so a refusal (a zone that still holds notes) leaves everything else saved and the dialog open.
    if (!sameWorkMode(working, workModeOf(template))) {
      if (!(await run(sessionId, { type: 'zones.arrange', mode: working.mode, themeIds: working.themeIds }))) return false;
    }
    return true;
  };

  const templateName = translateIfKnown(locale, `template.${template.id}`) ?? template.name;
  return (
    <FormDialog title={t('setup.title')} submitLabel={t('form.save')} onSubmit={submit} onClose={onClose} canSubmit={!readOnly && date !== ''}>
      <div className="setup-dialog" data-testid="setup-dialog">
        <section className="setup-columns">
          <div>
            <ProgrammeField value={programme} onChange={setProgramme} />
            <Field label={t('form.group')}>
              {(id) => <input id={id} value={group} maxLength={LIMITS.shortText} onChange={(event) => setGroup(event.target.value)} data-testid="setup-group" />}
            </Field>
            <div className="setup-pair">
              <Field label={t('form.date')}>
                {(id) => <input id={id} type="date" required value={date} onChange={(event) => setDate(event.target.value)} data-testid="setup-date" />}
              </Field>
              <Field label={t('setup.facilitator')}>
                {(id) => (
                  <input id={id} value={facilitator} maxLength={LIMITS.shortText} onChange={(event) => setFacilitator(event.target.value)} data-testid="setup-facilitator" />
                )}
              </Field>
            </div>
            <p className="setup-model">
              <span className="field-label">{t('form.model')}: </span>
              {templateName}
              <span className="field-hint"> {t('setup.modelFixed')}</span>
            </p>
            <WorkModeField value={working} onChange={setWorking} programmeId={programme.newName === null ? programme.programmeId : null} run={run} disabled={readOnly} />
          </div>
          <SettingsFields value={settings} onChange={setSettings} />
        </section>
        <fieldset className="field setup-questions">
          <legend className="field-label">{t(workModeOf(template).mode === 'sides' ? 'setup.questions' : 'setup.questionsWhole')}</legend>
          {template.zones.map((zone) => (
            <label key={zone.id} className="setup-question" data-zone={zone.id}>
              <span className="setup-zone">
                <span className="zone-dot" style={{ background: zone.color }} aria-hidden="true" />
                {zone.name}
              </span>
              <textarea
                rows={2}
                value={questions[zone.id] ?? ''}
                maxLength={LIMITS.longText}
                onChange={(event) => setQuestions({ ...questions, [zone.id]: event.target.value })}
                data-testid={`setup-question-${zone.id}`}
              />
            </label>
          ))}
        </fieldset>
      </div>
    </FormDialog>
  );
}

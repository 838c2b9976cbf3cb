import { nanoid } from 'nanoid';
import { useState } from 'react';
import { LIMITS } from '../../../../shared/domain';
import { translateIfKnown } from '../../../../shared/i18n/messages';
import { WORKSPACE_STREAM } from '../../../../shared/protocol';
import { BUILT_IN_TEMPLATES, LEMNISCATE_IK_WIJ_HET } from '../../../../shared/templates';
import type { AppStore } from '../../store';
import { useAppStore, useStoreApi } from '../../ui/app-context';
import { todayIso } from '../../ui/dates';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useT } from '../../ui/i18n';
import { useCommand } from '../../ui/use-command';
import { applySettings, createFields, DEFAULT_MORE, NewSessionMore } from '../../session-flow/setup/NewSessionMore';
import { ProgrammeField } from '../../session-flow/setup/programme';
import { GroupField } from './GroupField';
import { ModelThumbnail } from '../../templates/ModelThumbnail';
import { SavedTemplateOptions } from '../../templates/SavedTemplateOptions';

/**
 * Resolves once the workspace list holds the session. The host acknowledges a command before it
 * broadcasts the event, so without this wait the board would open on a session it does not know yet
 * and say for a moment that it is gone.
 */
function whenListed(store: AppStore, sessionId: string): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().workspace?.sessions[sessionId]) return resolve();
    const stop = store.subscribe((state) => {
      if (!state.workspace?.sessions[sessionId]) return;
      stop();
      resolve();
    });
  });
}

interface NewSessionDialogProps {
  onClose(): void;
  /** Called with the new session's id once it exists: whoever makes a session wants to work in it next. */
  onCreated(sessionId: string): void;
}

export function NewSessionDialog({ onClose, onCreated }: NewSessionDialogProps) {
  const t = useT();
  const store = useStoreApi();
  const locale = useAppStore((state) => state.locale);
  const showToast = useAppStore((state) => state.showToast);
  const run = useCommand();
  const [title, setTitle] = useState('');
  const [group, setGroup] = useState('');
  const [date, setDate] = useState(todayIso);
  const [templateId, setTemplateId] = useState(LEMNISCATE_IK_WIJ_HET.id);
  const [more, setMore] = useState(DEFAULT_MORE);

  const submit = async () => {
    const cleanTitle = title.trim();
    const extra = await createFields(run, more);
    if (!extra) return false;
    const id = nanoid();
    const ack = await run(WORKSPACE_STREAM, { type: 'session.create', id, ...extra, title: cleanTitle, group: group.trim(), date, templateId });
    if (!ack) return false;
    await applySettings(run, id, more);
    await whenListed(store, id);
    showToast({ tone: 'info', key: 'toast.created', params: { title: cleanTitle } });
    onCreated(id);
    return true;
  };

  return (
    <FormDialog title={t('form.newTitle')} submitLabel={t('form.create')} onSubmit={submit} onClose={onClose} canSubmit={title.trim() !== '' && date !== ''}>
      <div className="field-row">
        <Field label={t('form.title')}>
          {(id) => (
            <input id={id} required value={title} maxLength={LIMITS.title} placeholder={t('form.titlePlaceholder')} onChange={(event) => setTitle(event.target.value)} />
          )}
        </Field>
        <Field label={t('form.date')}>{(id) => <input id={id} type="date" required value={date} onChange={(event) => setDate(event.target.value)} />}</Field>
      </div>
      <GroupField value={group} onChange={setGroup} />
      <ProgrammeField value={more.programme} onChange={(programme) => setMore({ ...more, programme })} />
      <fieldset className="field model-choice">
        <legend className="field-label">{t('form.model')}</legend>
        {BUILT_IN_TEMPLATES.map((template) => (
          <label key={template.id} className="model-option">
            <input type="radio" name="template" value={template.id} checked={templateId === template.id} onChange={() => setTemplateId(template.id)} />
            <ModelThumbnail template={template} />
            <span className="model-name">{translateIfKnown(locale, `template.${template.id}`) ?? template.name}</span>
            <span className="model-about">{translateIfKnown(locale, `template.${template.id}.about`) ?? ''}</span>
          </label>
        ))}
        <SavedTemplateOptions selected={templateId} onSelect={setTemplateId} />
      </fieldset>
      <NewSessionMore value={more} onChange={setMore} />
    </FormDialog>
  );
}

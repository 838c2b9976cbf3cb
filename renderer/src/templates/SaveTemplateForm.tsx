import { nanoid } from 'nanoid';
import { type FormEvent, useId, useState } from 'react';
import { LIMITS, type ModelTemplate, type SessionState } from '../../../shared/domain';
import { translateIfKnown } from '../../../shared/i18n/messages';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { findTemplate } from '../../../shared/templates';
import { useAppStore, useStoreApi } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { useCommand } from '../ui/use-command';

/** The name people know a template by: the catalogue's for a built-in one, else its own. */
export function templateName(template: ModelTemplate, locale: 'nl' | 'en'): string {
  return (findTemplate(template.id) && translateIfKnown(locale, `template.${template.id}`)) || template.name;
}

/**
 * Keeps the session's model (zones, colours, questions, picture) with a programme
 * (programme.template.save), to start its next sessions from. Saving a model that came from that
 * programme again updates it; anything else is saved as a new model.
 */
export function SaveTemplateForm({ session }: { session: SessionState }) {
  const t = useT();
  const store = useStoreApi();
  const run = useCommand();
  const locale = useAppStore((state) => state.locale);
  const programmes = useAppStore((state) => state.workspace?.programmes);
  const list = Object.values(programmes ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  const template = session.template;
  const isOwn = !findTemplate(template.id);
  const [name, setName] = useState(isOwn ? template.name : t('template.saveNameDefault', { name: templateName(template, locale) }));
  const [programmeId, setProgrammeId] = useState(session.meta.programmeId ?? list[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const programmeField = useId();

  if (list.length === 0) {
    return (
      <section className="template-save">
        <h3>{t('template.save')}</h3>
        <p className="field-hint">{t('template.noProgrammes')}</p>
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = programmes?.[programmeId];
    if (!chosen || name.trim() === '') return;
    // The same model saved again with its programme is updated, not copied.
    const sameAgain = isOwn && chosen.templates?.some((saved) => saved.id === template.id);
    const saved: ModelTemplate = { ...template, id: sameAgain ? template.id : nanoid(), name: name.trim() };
    setBusy(true);
    const ack = await run(WORKSPACE_STREAM, { type: 'programme.template.save', programmeId: chosen.id, template: saved });
    setBusy(false);
    if (ack) store.getState().showToast({ tone: 'info', key: 'template.saved', params: { name: saved.name } });
  };

  return (
    <form className="template-save" onSubmit={submit}>
      <h3>{t('template.save')}</h3>
      <p className="field-hint">{t('template.saveHint')}</p>
      <label htmlFor={nameId} className="field-label">
        {t('template.saveName')}
      </label>
      <input id={nameId} value={name} maxLength={LIMITS.title} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={programmeField} className="field-label">
        {t('template.saveProgramme')}
      </label>
      <select id={programmeField} value={programmeId} onChange={(event) => setProgrammeId(event.target.value)}>
        {list.map((programme) => (
          <option key={programme.id} value={programme.id}>
            {programme.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''}>
        {t('template.saveButton')}
      </button>
    </form>
  );
}

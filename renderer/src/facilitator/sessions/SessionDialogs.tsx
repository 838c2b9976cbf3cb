import { nanoid } from 'nanoid';
import { useState } from 'react';
import type { CarryChoice } from '../../../../shared/carry-themes';
import { type Id, LIMITS, type SessionMeta } from '../../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../../shared/protocol';
import { useAppStore } from '../../ui/app-context';
import { todayIso } from '../../ui/dates';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useT } from '../../ui/i18n';
import { useCommand } from '../../ui/use-command';
import { ThemeCarryChoices, useSourceThemes } from '../../themes/ThemeCarryChoices';
import { GroupField } from './GroupField';

interface SessionDialogProps {
  meta: SessionMeta;
  onClose(): void;
}

export function RenameDialog({ meta, onClose }: SessionDialogProps) {
  const t = useT();
  const run = useCommand();
  const [title, setTitle] = useState(meta.title);
  const submit = async () => (await run(WORKSPACE_STREAM, { type: 'session.rename', id: meta.id, title: title.trim() })) !== null;
  return (
    <FormDialog title={t('rename.heading')} submitLabel={t('form.save')} onSubmit={submit} onClose={onClose} canSubmit={title.trim() !== ''}>
      <Field label={t('rename.label')}>
        {(id) => <input id={id} required value={title} maxLength={LIMITS.title} onChange={(event) => setTitle(event.target.value)} />}
      </Field>
    </FormDialog>
  );
}

/**
 * "Volgende sessie voorbereiden": the host copies model, settings and chosen points; the rest starts
 * empty. The previous session's themes are offered one by one: for the whole session (the default:
 * the memo's managers and steering group worked on themes), as a point to vote on, or not at all.
 */
export function DuplicateDialog({ meta, onClose }: SessionDialogProps) {
  const t = useT();
  const run = useCommand();
  const showToast = useAppStore((state) => state.showToast);
  const [title, setTitle] = useState(() => t('duplicate.defaultTitle', { title: meta.title }).slice(0, LIMITS.title));
  const [group, setGroup] = useState(meta.group);
  const [date, setDate] = useState(todayIso);
  const offered = useSourceThemes(meta.id);
  const [choices, setChoices] = useState<ReadonlyMap<Id, CarryChoice>>(new Map());
  const submit = async () => {
    const cleanTitle = title.trim();
    const themes = (offered ?? []).map(({ theme }) => ({ themeId: theme.id, carry: choices.get(theme.id) ?? ('whole' as const) }));
    const ack = await run(WORKSPACE_STREAM, { type: 'session.duplicate', id: nanoid(), sourceId: meta.id, title: cleanTitle, date, group: group.trim(), themes });
    if (ack) showToast({ tone: 'info', key: 'toast.duplicated', params: { title: cleanTitle } });
    return ack !== null;
  };
  return (
    <FormDialog title={t('duplicate.heading')} submitLabel={t('duplicate.submit')} onSubmit={submit} onClose={onClose} canSubmit={title.trim() !== '' && date !== ''}>
      <p className="dialog-text">{t('duplicate.explain')}</p>
      <Field label={t('form.title')}>
        {(id) => <input id={id} required value={title} maxLength={LIMITS.title} onChange={(event) => setTitle(event.target.value)} />}
      </Field>
      <GroupField value={group} onChange={setGroup} />
      <Field label={t('form.date')}>{(id) => <input id={id} type="date" required value={date} onChange={(event) => setDate(event.target.value)} />}</Field>
      <ThemeCarryChoices offered={offered} choices={choices} onChoose={(themeId, choice) => setChoices(new Map([...choices, [themeId, choice]]))} />
    </FormDialog>
  );
}

/** Deleting asks for the title typed again: a stray click can never remove a session's harvest. */
export function DeleteDialog({ meta, onClose }: SessionDialogProps) {
  const t = useT();
  const run = useCommand();
  const showToast = useAppStore((state) => state.showToast);
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === meta.title;
  const submit = async () => {
    const ack = await run(WORKSPACE_STREAM, { type: 'session.delete', id: meta.id, confirmTitle: typed.trim() });
    if (ack) showToast({ tone: 'info', key: 'toast.deleted', params: { title: meta.title } });
    return ack !== null;
  };
  return (
    <FormDialog title={t('delete.heading')} submitLabel={t('delete.submit')} onSubmit={submit} onClose={onClose} canSubmit={matches} danger>
      <p className="dialog-text">{t('delete.explain')}</p>
      <Field label={t('delete.confirmLabel', { title: meta.title })}>
        {(id) => <input id={id} autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />}
      </Field>
    </FormDialog>
  );
}

import { useEffect, useId, useState } from 'react';
import { LIMITS } from '../../../shared/domain';
import { useT } from '../ui/i18n';

/**
 * A text the programme lead writes for "Samengevat" (the introduction, or what the groups said about
 * a theme). It keeps the draft while typing and saves with one click, so every save is one step the
 * lead can undo; the saved text comes back from the host, and a text changed elsewhere (undo, another
 * window) replaces the draft only when nothing is being typed.
 */
export function LeadTextField({ label, saved, onSave, testId }: { label: string; saved: string; onSave(text: string): Promise<boolean>; testId: string }) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(saved);
  const [lastSaved, setLastSaved] = useState(saved);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDraft((current) => (current === lastSaved ? saved : current));
    setLastSaved(saved);
  }, [saved, lastSaved]);
  const changed = draft.trim() !== saved.trim();
  const save = async () => {
    setBusy(true);
    const done = await onSave(draft);
    setBusy(false);
    if (done) setLastSaved(draft.trim());
  };
  return (
    <div className="lead-text" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={4} maxLength={LIMITS.longText} value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="button" className="button" disabled={!changed || busy} onClick={() => void save()}>
        {t('themes.save')}
      </button>
    </div>
  );
}

import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { type Id, LIMITS } from '../../../../shared/domain';
import { type GroupSuggestion, suggestGroups } from '../../../../shared/text/suggest-groups';
import { clusterCommand } from '../../facilitator/board/note-actions';
import { useT } from '../../ui/i18n';
import type { EditorProps } from './SideEditors';

/**
 * "Voorstellen voor groepen" in the cluster phase: groups of loose notes of a side that share a
 * word, each made a cluster in one command (one undo step), made with another title, or skipped.
 * Skipping is the facilitator's view only, so it lives in this window (localStorage, per session
 * and per set of notes), never on the host.
 */
export function GroupSuggestions(props: EditorProps & { zoneId: Id | null }) {
  const t = useT();
  const { sessionId, session, zoneId } = props;
  const [dismissed, setDismissed] = useDismissed(sessionId);
  const zones = zoneId ? session.template.zones.filter((zone) => zone.id === zoneId) : session.template.zones;
  const suggestions = useMemo(
    () =>
      session.template.zones
        .filter((zone) => zoneId === null || zone.id === zoneId)
        .flatMap((zone) => suggestGroups(session, zone.id).map((suggestion) => ({ zone, suggestion, key: suggestionKey(suggestion) }))),
    [session, zoneId],
  );
  const shown = suggestions.filter((item) => !dismissed.includes(item.key));
  const hiddenCount = suggestions.length - shown.length;
  return (
    <section className="flow-section" data-testid="group-suggestions" aria-labelledby={`${sessionId}-suggest-heading`}>
      <h2 className="flow-group-title" id={`${sessionId}-suggest-heading`}>
        {t('suggest.heading')}
      </h2>
      <p className="flow-hint">{shown.length > 0 ? t('suggest.hint') : hiddenCount > 0 ? t('suggest.allSkipped') : t('suggest.none')}</p>
      {shown.length > 0 && (
        <ul className="suggest-list">
          {shown.map(({ zone, suggestion, key }) => (
            <SuggestionItem
              key={key}
              {...props}
              suggestion={suggestion}
              sideName={zones.length > 1 ? zone.name : null}
              onDismiss={() => setDismissed([...dismissed, key])}
            />
          ))}
        </ul>
      )}
      {hiddenCount > 0 && (
        <div className="flow-buttons">
          <button type="button" className="button button-quiet" onClick={() => setDismissed([])} data-testid="suggest-undismiss">
            {t('suggest.showDismissed', { count: hiddenCount })}
          </button>
        </div>
      )}
    </section>
  );
}

function SuggestionItem({
  sessionId,
  session,
  readOnly,
  run,
  suggestion,
  sideName,
  onDismiss,
}: EditorProps & { suggestion: GroupSuggestion; sideName: string | null; onDismiss(): void }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(suggestion.title);
  const inputId = useId();
  const accept = (chosen: string) => {
    const command = clusterCommand(session, suggestion.noteIds, chosen);
    if (command) void run(sessionId, command);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() !== '') accept(title);
  };
  return (
    <li className="suggest-item" data-testid="group-suggestion" data-title={suggestion.title}>
      <p className="suggest-title">
        {sideName && <span className="flow-label-small">{sideName} · </span>}
        <strong data-testid="suggestion-title">{suggestion.title}</strong>
      </p>
      <ul className="suggest-notes">
        {suggestion.noteIds.map((id) => (
          <li key={id} data-testid="suggestion-note">
            {session.notes[id]?.text}
          </li>
        ))}
      </ul>
      {editing ? (
        <form className="flow-add" onSubmit={submit} data-testid="suggestion-edit">
          <label className="visually-hidden" htmlFor={inputId}>
            {t('suggest.editLabel')}
          </label>
          <input
            id={inputId}
            className="flow-input"
            value={title}
            maxLength={LIMITS.title}
            // biome-ignore lint/a11y/noAutofocus: the field opens on the facilitator's own click, to type in at once.
            autoFocus
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setEditing(false);
            }}
          />
          <button type="submit" className="button button-primary" disabled={readOnly || title.trim() === ''}>
            {t('suggest.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
            {t('suggest.cancel')}
          </button>
        </form>
      ) : (
        <div className="flow-buttons">
          <button
            type="button"
            className="button button-primary"
            disabled={readOnly}
            aria-label={t('suggest.acceptLabel', { title: suggestion.title })}
            onClick={() => accept(suggestion.title)}
            data-testid="suggestion-accept"
          >
            {t('suggest.accept')}
          </button>
          <button type="button" className="button button-quiet" disabled={readOnly} onClick={() => setEditing(true)} data-testid="suggestion-edit-open">
            {t('suggest.edit')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            aria-label={t('suggest.dismissLabel', { title: suggestion.title })}
            onClick={onDismiss}
            data-testid="suggestion-dismiss"
          >
            {t('suggest.dismiss')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The same notes make the same key, however the suggestion is titled or ordered. */
function suggestionKey(suggestion: GroupSuggestion): string {
  return [...suggestion.noteIds].sort().join(',');
}

const storageKey = (sessionId: Id) => `eiland.suggest.dismissed.${sessionId}`;

/** The keys of the suggestions skipped in this session, kept over a reload of the window. */
function useDismissed(sessionId: Id): [string[], (next: string[]) => void] {
  const [dismissed, setDismissed] = useState<string[]>(() => readDismissed(sessionId));
  useEffect(() => setDismissed(readDismissed(sessionId)), [sessionId]);
  const update = (next: string[]) => {
    setDismissed(next);
    try {
      if (next.length === 0) localStorage.removeItem(storageKey(sessionId));
      else localStorage.setItem(storageKey(sessionId), JSON.stringify(next));
    } catch {
      // Storage full or blocked: the skip still holds in this window until it closes.
    }
  };
  return [dismissed, update];
}

function readDismissed(sessionId: Id): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(sessionId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

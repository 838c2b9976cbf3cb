import type { Id } from '../../../shared/domain';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { useCommand } from '../ui/use-command';
import { pendingNotes } from './moderation';

/**
 * Notes from phones that wait for approval. Approving puts a note on the wall and on the phones;
 * turning it down deletes it (undo brings it back). Notes are shown as text, never as HTML.
 */
export function ModerationQueue({ sessionId }: { sessionId: Id }) {
  const t = useT();
  const run = useCommand();
  const session = useAppStore((state) => state.session);
  if (!session) return null;
  const waiting = pendingNotes(session);
  if (waiting.length === 0) return session.settings.moderation ? <p className="room-muted">{t('moderation.empty')}</p> : null;
  const zoneOf = (id: Id) => session.template.zones.find((zone) => zone.id === id);
  return (
    <div className="moderation" data-testid="moderation-queue">
      <div className="moderation-head">
        <h3>{t('moderation.waiting', { count: waiting.length })}</h3>
        {waiting.length > 1 && (
          <button type="button" className="button button-quiet" onClick={() => void run(sessionId, { type: 'note.approve', ids: waiting.map((note) => note.id) })}>
            {t('moderation.approveAll')}
          </button>
        )}
      </div>
      <ul className="moderation-list">
        {waiting.map((note) => {
          const zone = zoneOf(note.zoneId);
          return (
            <li key={note.id} className="moderation-note" style={{ borderLeftColor: zone?.color }} data-testid="moderation-note">
              <p className="moderation-side">{zone?.name}</p>
              <p className="moderation-text">{note.text}</p>
              <div className="moderation-buttons">
                <button type="button" className="button button-primary" onClick={() => void run(sessionId, { type: 'note.approve', ids: [note.id] })}>
                  {t('moderation.approve')}
                </button>
                <button type="button" className="button button-quiet button-danger" onClick={() => void run(sessionId, { type: 'note.delete', ids: [note.id] })}>
                  {t('moderation.reject')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

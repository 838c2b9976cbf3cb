import { useEffect, useState } from 'react';
import { useLink, useParticipant, useT } from './context';
import { Closing } from './Closing';
import { currentPhase } from './derive';
import { Ingredients } from './Ingredients';
import { LanguageSwitch } from './LanguageSwitch';
import { MyNotes } from './MyNotes';
import { NoteComposer } from './NoteComposer';
import { OtherPoints } from './OtherPoints';
import { PhaseCard } from './PhaseCard';
import { Review } from './Review';
import { StatusBar } from './StatusBar';
import { Voting } from './Voting';

/** The phone once joined: one column, what matters now at the top, own notes below. */
export function ParticipantApp({ onLeave, onRejoin }: { onLeave(): void; onRejoin(): void }) {
  const t = useT();
  const session = useParticipant((state) => state.session);
  const phase = session ? currentPhase(session) : null;
  const voting = session ? session.flow.votingOpen || phase?.kind === 'voting' : false;
  const ingredients = phase?.kind === 'ingredients';
  const other = phase?.kind === 'other';
  const review = phase?.kind === 'review';
  // At the close the phone shows the harvest and thanks, not yet another form.
  const closing = phase?.kind === 'closing';
  return (
    <div className="phone phone-joined">
      <StatusBar onRejoin={onRejoin} />
      <Notice />
      {session ? (
        <main className="phone-main">
          {/* Voting and ingredients for the whole session carry their own heading. */}
          {!((voting || ingredients || review || closing) && !phase?.zoneId) && <PhaseCard session={session} />}
          {review && !voting && <Review session={session} />}
          {voting && <Voting session={session} />}
          {ingredients && <Ingredients session={session} />}
          {other && !voting && <OtherPoints session={session} />}
          {closing && !voting && <Closing session={session} />}
          {!voting && !ingredients && !other && !review && !closing && <NoteComposer session={session} />}
          <MyNotes session={session} />
          <Leave onLeave={onLeave} />
        </main>
      ) : (
        <main className="phone-main">
          <p className="phone-card phone-muted">{t('app.loading')}</p>
          <Leave onLeave={onLeave} />
        </main>
      )}
    </div>
  );
}

/** A refusal from the host, in plain words, until it is read. */
function Notice() {
  const t = useT();
  const link = useLink();
  const notice = useParticipant((state) => state.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => link.dismissNotice(), 8000);
    return () => clearTimeout(timer);
  }, [notice, link]);
  if (!notice) return null;
  return (
    <div className="toast toast-error phone-notice" role="alert">
      <span>{t(notice.key)}</span>
      <button type="button" className="toast-close" onClick={() => link.dismissNotice()} aria-label={t('form.close')}>
        ×
      </button>
    </div>
  );
}

/** Stop on this phone (to join another room, or to hand the phone to someone else). */
function Leave({ onLeave }: { onLeave(): void }) {
  const t = useT();
  const waiting = useParticipant((state) => state.queue.length);
  const [asking, setAsking] = useState(false);
  return (
    <footer className="phone-footer">
      {asking ? (
        <div className="phone-actions">
          <span className="phone-confirm">{waiting > 0 ? t('participant.leaveUnsent', { count: waiting }) : t('participant.leaveQuestion')}</span>
          <button type="button" className="button button-danger-solid" onClick={onLeave}>
            {t('participant.leaveYes')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
            {t('participant.withdrawNo')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setAsking(true)}>
          {t('participant.leave')}
        </button>
      )}
      <LanguageSwitch />
    </footer>
  );
}

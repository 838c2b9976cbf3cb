import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LinkProvider, LocaleProvider, useLocale } from './context';
import { JoinScreen } from './JoinScreen';
import { normaliseCode } from './join-api';
import { ParticipantLink } from './link';
import { ParticipantApp } from './ParticipantApp';
import { browserStore, forgetJoin, type KeyValueStore, readJoin, rejoin, type StoredJoin } from './storage';
import '../styles/base.css';
import './participant.css';

/**
 * The participant page for phones (join.html), served by the host on the local network. Plain DOM,
 * no canvas and no crypto beyond getRandomValues: it runs on small old phones, over plain HTTP.
 */
function ParticipantPage({ storage, codeInUrl }: { storage: KeyValueStore; codeInUrl: string }) {
  const [join, setJoin] = useState<StoredJoin | null>(() => {
    const stored = readJoin(storage);
    // A QR code of another room means another room; the same code (or none) continues where we were.
    return stored && !stored.ended && (codeInUrl === '' || stored.code === codeInUrl) ? stored : null;
  });
  // A join whose token ended with its room: what it had not sent yet goes with the next join.
  const [ended, setEnded] = useState<StoredJoin | null>(() => {
    const stored = readJoin(storage);
    return stored?.ended ? stored : null;
  });
  const { locale, t } = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('join.pageTitle');
  }, [locale, t]);

  if (!join) {
    return (
      <JoinScreen
        initialCode={codeInUrl || (ended?.code ?? '')}
        previousToken={readJoin(storage)?.token ?? null}
        onJoined={(joined) => {
          rejoin(storage, readJoin(storage), joined);
          setEnded(null);
          setJoin(joined);
        }}
      />
    );
  }
  return (
    <Joined
      join={join}
      storage={storage}
      onLeave={() => {
        forgetJoin(storage);
        setJoin(null);
      }}
      onRejoin={() => {
        setEnded(readJoin(storage));
        setJoin(null);
      }}
    />
  );
}

function Joined({ join, storage, onLeave, onRejoin }: { join: StoredJoin; storage: KeyValueStore; onLeave(): void; onRejoin(): void }) {
  const link = useMemo(() => new ParticipantLink({ join, storage, location: window.location }), [join, storage]);
  useEffect(() => {
    link.start();
    return () => link.stop();
  }, [link]);
  return (
    <LinkProvider link={link}>
      <ParticipantApp onLeave={onLeave} onRejoin={onRejoin} />
    </LinkProvider>
  );
}

const storage = browserStore();
const codeInUrl = normaliseCode(new URLSearchParams(window.location.search).get('code') ?? '');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LocaleProvider storage={storage}>
        <ParticipantPage storage={storage} codeInUrl={codeInUrl} />
      </LocaleProvider>
    </StrictMode>,
  );
}

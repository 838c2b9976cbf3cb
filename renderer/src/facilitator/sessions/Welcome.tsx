import { type ReactNode, useState } from 'react';
import type { MessageKey } from '../../../../shared/i18n/messages';
import { useAppStore } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import { loadDemo } from './demo-api';
import './welcome.css';

const STEPS: readonly { title: MessageKey; text: MessageKey }[] = [
  { title: 'welcome.step1.title', text: 'welcome.step1.text' },
  { title: 'welcome.step2.title', text: 'welcome.step2.text' },
  { title: 'welcome.step3.title', text: 'welcome.step3.text' },
];

/**
 * The first screen of an empty Eiland, all on one screen: what it is in two plain sentences, the
 * three steps of a session, and two ways to begin: a session of your own, or the example to look
 * around in. It goes away by itself once there is a session (the example's arrive over the
 * page's WebSocket, like every change).
 */
export function Welcome({ newButton }: { newButton: ReactNode }) {
  const t = useT();
  const showToast = useAppStore((state) => state.showToast);
  const [demo, setDemo] = useState<'idle' | 'busy' | 'failed'>('idle');

  const onDemo = async () => {
    setDemo('busy');
    const done = await loadDemo(window.location);
    setDemo(done ? 'idle' : 'failed');
    if (done) showToast({ tone: 'info', key: 'welcome.demoLoaded' });
  };

  return (
    <div className="welcome" data-testid="welcome">
      <header className="welcome-head">
        <h1>{t('welcome.title')}</h1>
        <p className="welcome-what">{t('welcome.what')}</p>
        <p className="welcome-offline">{t('welcome.offline')}</p>
      </header>
      <section aria-labelledby="welcome-steps">
        <h2 id="welcome-steps" className="visually-hidden">
          {t('welcome.stepsTitle')}
        </h2>
        <ol className="welcome-steps">
          {STEPS.map((step, index) => (
            <li key={step.title} className="welcome-step">
              <span className="welcome-step-number" aria-hidden="true">
                {index + 1}
              </span>
              <h3>{t(step.title)}</h3>
              <p>{t(step.text)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section className="welcome-start" aria-labelledby="welcome-start">
        <h2 id="welcome-start">{t('sessions.title')}</h2>
        <p>{t('sessions.empty')}</p>
        <div className="welcome-buttons">
          {newButton}
          <button type="button" className="button button-quiet button-large" onClick={onDemo} disabled={demo === 'busy'} aria-describedby="welcome-demo-hint">
            {demo === 'busy' ? t('welcome.demoBusy') : t('welcome.demo')}
          </button>
          <p id="welcome-demo-hint" className="welcome-hint">
            {t('welcome.demoHint')}
          </p>
        </div>
        {demo === 'failed' && (
          <p className="welcome-error" role="alert">
            {t('welcome.demoFailed')}
          </p>
        )}
      </section>
    </div>
  );
}

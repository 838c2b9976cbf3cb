import { type FormEvent, useId, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useT } from './context';
import { joinRoom, normaliseCode } from './join-api';
import { LanguageSwitch } from './LanguageSwitch';
import type { StoredJoin } from './storage';

interface Props {
  initialCode: string;
  /** The token of this phone's earlier join, if it still has one (see joinRoom). */
  previousToken: string | null;
  onJoined(join: StoredJoin): void;
}

/** Step one on a phone: the code from the beamer (already filled in from the QR code) and, if you like, a name. */
export function JoinScreen({ initialCode, previousToken, onJoined }: Props) {
  const t = useT();
  const [code, setCode] = useState(normaliseCode(initialCode));
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const codeId = useId();
  const nameId = useId();
  const problemId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const outcome = await joinRoom(code, name, previousToken);
    setBusy(false);
    if (outcome.ok) onJoined(outcome.join);
    else setProblem(outcome.key);
  };

  return (
    <main className="phone phone-join">
      <header className="phone-brand">
        <span className="phone-logo" aria-hidden="true">
          ∞
        </span>
        <span>{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <h1 className="phone-title">{t('join.title')}</h1>
      <p className="phone-lead">{t('join.intro')}</p>
      <form className="phone-card" onSubmit={submit} noValidate>
        <label className="field" htmlFor={codeId}>
          <span className="field-label">{t('join.code')}</span>
          <input
            id={codeId}
            className="join-code-input"
            value={code}
            onChange={(event) => setCode(normaliseCode(event.target.value).slice(0, 12))}
            autoCapitalize="characters"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            inputMode="text"
            enterKeyHint="next"
            aria-invalid={problem === 'join.wrongCode' || problem === 'join.codeMissing'}
            aria-describedby={problem ? problemId : undefined}
            required
          />
        </label>
        <label className="field" htmlFor={nameId}>
          <span className="field-label">{t('join.name')}</span>
          <span className="field-hint">{t('join.nameHint')}</span>
          <input
            id={nameId}
            value={name}
            onChange={(event) => setName(event.target.value.slice(0, 60))}
            autoComplete="nickname"
            enterKeyHint="go"
            maxLength={60}
          />
        </label>
        {problem && (
          <p id={problemId} className="phone-problem" role="alert">
            {t(problem)}
          </p>
        )}
        <button type="submit" className="button button-primary button-large phone-wide" disabled={busy}>
          {busy ? t('join.busy') : t('join.submit')}
        </button>
      </form>
      <section className="phone-privacy" aria-labelledby={`${codeId}-privacy`}>
        <h2 id={`${codeId}-privacy`}>{t('join.privacyTitle')}</h2>
        <p>{t('join.privacy')}</p>
      </section>
    </main>
  );
}

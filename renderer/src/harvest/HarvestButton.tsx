import { useT } from '../ui/i18n';

/** An arrow into a tray, drawn inline: no icon font needed on a locked-down laptop. */
function SaveIcon() {
  return (
    <svg className="harvest-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M12 4v10m-4-4 4 4 4-4M5 15v4h14v-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The "Oogsten" button of a screen's top bar (or another label); it turns while an export it started is running. */
export function HarvestButton({ busy, onClick, label, hint }: { busy: boolean; onClick(): void; label?: string; hint?: string }) {
  const t = useT();
  return (
    <button
      type="button"
      className="button button-quiet harvest-button"
      data-testid="harvest-button"
      data-busy={busy}
      title={hint ?? t('harvest.buttonHint')}
      onClick={onClick}
    >
      {busy ? <span className="harvest-spinner" aria-hidden="true" /> : <SaveIcon />}
      {label ?? t('harvest.button')}
    </button>
  );
}

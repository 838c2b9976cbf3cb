import { useEffect } from 'react';
import { useAppStore } from './app-context';
import { useT } from './i18n';

const VISIBLE_MS = 6000;

/** Short messages at the bottom of the screen; errors stay a little longer than the time to read them. */
export function Toasts() {
  const toasts = useAppStore((state) => state.toasts);
  const dismiss = useAppStore((state) => state.dismissToast);
  const t = useT();
  useEffect(() => {
    if (toasts.length === 0) return;
    const timers = toasts.map((toast) => setTimeout(() => dismiss(toast.id), toast.tone === 'error' ? VISIBLE_MS * 1.5 : VISIBLE_MS));
    return () => timers.forEach(clearTimeout);
  }, [toasts, dismiss]);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          <span>{t(toast.key, toast.params)}</span>
          <button type="button" className="toast-close" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

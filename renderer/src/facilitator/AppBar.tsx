import type { ReactNode } from 'react';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { useT } from '../ui/i18n';
import { LocaleSwitch } from '../ui/LocaleSwitch';
import { StorageBanner } from '../ui/StorageBanner';

/** The strip at the top of every facilitator screen: where you are, the connection, the language. */
export function AppBar({ children, actions }: { children?: ReactNode; actions?: ReactNode }) {
  const t = useT();
  return (
    <>
      <div className="appbar">
        {children ?? <span className="brand">{t('app.name')}</span>}
        <div className="appbar-end">
          {actions}
          <ConnectionBadge />
          <LocaleSwitch />
        </div>
      </div>
      <StorageBanner />
    </>
  );
}

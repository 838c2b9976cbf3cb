import type { ThemeItem } from '../../../shared/report/suggest-themes';
import { useT } from '../ui/i18n';

/** A point or group as the theme lists show it: which group said it, what kind it is, its words. */
export function ItemLabel({ item }: { item: ThemeItem }) {
  const t = useT();
  return (
    <span className="theme-item-label">
      <span className="harvest-link-group">{t('themes.itemLine', { group: item.group || t('session.noGroup'), kind: t(`themes.kind.${item.target}`) })}</span>
      {item.title}
    </span>
  );
}

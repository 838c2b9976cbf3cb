import { useT } from '../../ui/i18n';
import type { FittedList } from './use-fit-list';

/** "Deel 1 van 2" under a list too long for one wall, so the room knows more is coming. */
export function PageCount({ fit }: { fit: FittedList }) {
  const t = useT();
  const pages = fit.pageStarts.length;
  if (pages < 2) return null;
  return (
    <p className="pflow-page" data-testid="projector-page" data-page={fit.page + 1} data-pages={pages}>
      {t('projector.page', { page: fit.page + 1, pages })}
    </p>
  );
}

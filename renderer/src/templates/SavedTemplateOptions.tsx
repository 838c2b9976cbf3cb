import type { Id, ModelTemplate } from '../../../shared/domain';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { ModelThumbnail } from './ModelThumbnail';

/**
 * The models facilitators saved with their programmes (Programme.templates), offered in the
 * new-session form next to the built-in ones, in the same look. Renders nothing when there are none.
 */
export function SavedTemplateOptions({ selected, onSelect }: { selected: Id; onSelect(id: Id): void }) {
  const t = useT();
  const programmes = useAppStore((state) => state.workspace?.programmes);
  const saved: { template: ModelTemplate; programme: string }[] = Object.values(programmes ?? {})
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((programme) => (programme.templates ?? []).map((template) => ({ template, programme: programme.name })));
  if (saved.length === 0) return null;
  return (
    <>
      <p className="field-label saved-models-heading">{t('template.savedModels')}</p>
      {saved.map(({ template, programme }) => (
        <label key={template.id} className="model-option" data-testid={`saved-template-${template.id}`}>
          <input type="radio" name="template" value={template.id} checked={selected === template.id} onChange={() => onSelect(template.id)} />
          <ModelThumbnail template={template} />
          <span className="model-name">{template.name}</span>
          <span className="model-about">{t('template.savedAbout', { programme })}</span>
        </label>
      ))}
    </>
  );
}

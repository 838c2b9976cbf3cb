import { LIMITS } from '../../../../shared/domain';
import type { MessageKey } from '../../../../shared/i18n/messages';
import { Field } from '../../ui/Field';
import { useT } from '../../ui/i18n';

/** The groups of the memo, offered as one-tap choices; any other name can be typed. */
const SUGGESTIONS: readonly MessageKey[] = ['group.programmeTeam', 'group.managers', 'group.steering'];

export function GroupField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const t = useT();
  return (
    <Field label={t('form.group')} hint={t('form.groupHint')}>
      {(id, describedBy) => (
        <>
          <input id={id} aria-describedby={describedBy} value={value} maxLength={LIMITS.shortText} onChange={(event) => onChange(event.target.value)} />
          <div className="chips">
            {SUGGESTIONS.map((key) => {
              const label = t(key);
              return (
                <button key={key} type="button" className="chip" aria-pressed={value === label} onClick={() => onChange(label)}>
                  {label}
                </button>
              );
            })}
          </div>
        </>
      )}
    </Field>
  );
}

import { type ReactNode, useId } from 'react';

interface FieldProps {
  label: string;
  hint?: string;
  children(id: string, describedBy: string | undefined): ReactNode;
}

/** A labelled form field with an optional hint, wired for screen readers. */
export function Field({ label, hint, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children(id, hint ? hintId : undefined)}
    </div>
  );
}

import { type KeyboardEvent, useEffect, useRef, useState } from 'react';

interface EditableTextProps {
  value: string;
  label: string;
  maxLength: number;
  disabled?: boolean;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  /** Called with the trimmed text when it changed and is not empty (unless allowEmpty). */
  onSave(text: string): void;
  allowEmpty?: boolean;
  testId?: string;
}

/**
 * A text that is edited where it stands and saved when the field is left or Enter is pressed
 * (Shift+Enter for a new line where there are lines). Leaving always saves: nothing typed is lost.
 * A change from elsewhere shows up unless this field is being typed in.
 */
export function EditableText({ value, label, maxLength, disabled, multiline, rows = 3, placeholder, onSave, allowEmpty = false, testId }: EditableTextProps) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);
  const save = () => {
    editing.current = false;
    const clean = draft.trim();
    if (clean === value.trim() || (clean === '' && !allowEmpty)) {
      setDraft(value);
      return;
    }
    onSave(clean);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      editing.current = false;
      setDraft(value);
    }
  };
  const common = {
    'aria-label': label,
    value: draft,
    maxLength,
    disabled,
    placeholder,
    'data-testid': testId,
    onFocus: () => {
      editing.current = true;
    },
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: save,
    onKeyDown,
  };
  return multiline ? <textarea className="flow-textarea" rows={rows} {...common} /> : <input className="flow-input" {...common} />;
}

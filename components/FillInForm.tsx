import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';

interface Props {
  missing: string[];
  onSubmit(values: Record<string, string>): void;
  onCancel(): void;
}

/** Asks for the variables that have neither a value nor a fallback, then inserts. */
export function FillInForm({ missing, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<Record<string, string>>({});
  const complete = missing.every((name) => (values[name] ?? '').trim() !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) onSubmit(values);
  };
  return (
    <form className="fill-in" data-testid="fill-in" onSubmit={submit}>
      <strong>{t('fillInTitle')}</strong>
      {missing.map((name, i) => (
        <label key={name}>
          <span className="label">{name}</span>
          <input
            name={name}
            autoFocus={i === 0}
            value={values[name] ?? ''}
            onChange={(event) => setValues({ ...values, [name]: event.target.value })}
          />
        </label>
      ))}
      <div className="actions">
        <button type="submit" data-testid="fill-in-submit" disabled={!complete}>
          {t('fillInSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          ✕
        </button>
      </div>
    </form>
  );
}

import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FieldFrameProps = { id: string; label: string; hint?: string; error?: string; required?: boolean; children: (describedBy: string | undefined) => ReactNode };

/** Label, hint and error message in DKFDS form-group markup, wired up with aria-describedby. */
function FieldFrame({ id, label, hint, error, required, children }: FieldFrameProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
        {required ? <span className="required-marker"> {t('form.required')}</span> : null}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={errorId}>
          <span className="sr-only">{t('form.errorPrefix')} </span>
          {error}
        </span>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

type TextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'search';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  className?: string;
  maxLength?: number;
};

export function TextField({ id, label, value, onChange, hint, error, required, type = 'text', autoComplete, inputMode, className, maxLength }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <input
          id={id}
          name={id}
          className={className ? `form-input ${className}` : 'form-input'}
          type={type}
          value={value}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          required={required}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
        />
      )}
    </FieldFrame>
  );
}

export type SelectOption = { value: string; label: string };

type SelectFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: SelectOption[];
  hint?: string;
  error?: string;
  required?: boolean;
  /** The label of an empty first choice; none when absent. */
  emptyLabel?: string;
};

export function SelectField({ id, label, value, onChange, options, hint, error, required, emptyLabel }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <select
          id={id}
          name={id}
          className="form-select"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          required={required}
        >
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

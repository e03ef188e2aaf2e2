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
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'search' | 'datetime-local' | 'number' | 'month' | 'time';
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'tel' | 'email';
  className?: string;
  maxLength?: number;
  min?: string;
  max?: string;
  step?: string;
};

export function TextField({ id, label, value, onChange, hint, error, required, type = 'text', autoComplete, inputMode, className, maxLength, min, max, step }: TextFieldProps) {
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
          min={min}
          max={max}
          step={step}
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

type TextAreaFieldProps = { id: string; label: string; value: string; onChange: (value: string) => void; hint?: string; error?: string; required?: boolean; rows?: number; maxLength?: number };

export function TextAreaField({ id, label, value, onChange, hint, error, required, rows = 4, maxLength }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <textarea
          id={id}
          name={id}
          className="form-input app-textarea"
          rows={rows}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          required={required}
          maxLength={maxLength}
        />
      )}
    </FieldFrame>
  );
}

type RadioGroupProps = {
  id: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  options: (SelectOption & { hint?: string })[];
  hint?: string;
  error?: string;
  required?: boolean;
  /** Show the options side by side (short labels such as a 1–5 scale). */
  inline?: boolean;
  legendClassName?: string;
};

/** A group of radio buttons in a fieldset, its legend the question; the error sits under the legend. */
export function RadioGroup({ id, legend, value, onChange, options, hint, error, required, inline, legendClassName }: RadioGroupProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className={error ? 'form-group form-error app-radio-group' : 'form-group app-radio-group'} aria-describedby={describedBy}>
      <legend className={legendClassName ?? 'form-label'}>
        {legend}
        {required ? <span className="required-marker"> {t('form.required')}</span> : null}
      </legend>
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
      <div className={inline ? 'app-radio-options app-radio-options--inline' : 'app-radio-options'}>
        {options.map((o) => (
          <div className="form-group-radio" key={o.value}>
            <input type="radio" className="form-radio" id={`${id}-${o.value}`} name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <label className="form-label" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
            {o.hint ? <span className="form-hint">{o.hint}</span> : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

type CheckboxProps = { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; className?: string };

export function Checkbox({ id, label, checked, onChange, className }: CheckboxProps) {
  return (
    <div className={className ? `form-group-checkbox ${className}` : 'form-group-checkbox'}>
      <input type="checkbox" className="form-checkbox" id={id} name={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

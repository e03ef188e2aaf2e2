import { useEffect, useRef, type ReactNode } from 'react';

type RepeatingRowsProps<T> = {
  id: string;
  legend: string;
  items: T[];
  onChange: (items: T[]) => void;
  empty: () => T;
  renderRow: (item: T, index: number, update: (item: T) => void) => ReactNode;
  addLabel: string;
  removeLabel: (index: number) => string;
  hint?: string;
  legendClassName?: string;
};

/**
 * A list the user grows and shrinks (agreements, job goals, activities): a fieldset of rows,
 * each with its own remove button; a new row takes focus so typing can go straight on.
 */
export function RepeatingRows<T>({ id, legend, items, onChange, empty, renderRow, addLabel, removeLabel, hint, legendClassName }: RepeatingRowsProps<T>) {
  const ref = useRef<HTMLFieldSetElement>(null);
  const previousLength = useRef(items.length);
  useEffect(() => {
    if (items.length > previousLength.current) {
      const rows = ref.current?.querySelectorAll<HTMLElement>('.app-row');
      rows?.[rows.length - 1]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    }
    previousLength.current = items.length;
  }, [items.length]);
  return (
    <fieldset id={id} ref={ref} className="app-repeating">
      <legend className={legendClassName ?? 'form-label'}>{legend}</legend>
      {hint ? <p className="form-hint">{hint}</p> : null}
      {items.map((item, index) => (
        <div className="app-row" key={index}>
          <div className="app-row-fields">{renderRow(item, index, (next) => onChange(items.map((x, i) => (i === index ? next : x))))}</div>
          <button type="button" className="button button-tertiary app-row-remove" onClick={() => onChange(items.filter((_, i) => i !== index))}>
            {removeLabel(index)}
          </button>
        </div>
      ))}
      <button type="button" className="button button-secondary" onClick={() => onChange([...items, empty()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

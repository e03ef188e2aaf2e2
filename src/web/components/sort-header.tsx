import { useTranslation } from 'react-i18next';

type SortHeaderProps<S extends string> = { column: string; label: string; sort: S; onSort: (sort: S) => void; className?: string; oneWay?: boolean };

/**
 * A column header that sorts on a button press; aria-sort tells which way it is sorted now.
 * Sort values are the column's name, with a leading '-' for descending.
 */
export function SortHeader<S extends string>({ column, label, sort, onSort, className, oneWay }: SortHeaderProps<S>) {
  const { t } = useTranslation();
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  // A one-way column (e.g. most urgent first) has no reverse order to switch to.
  const next = (direction === 'ascending' && !oneWay ? `-${column}` : column) as S;
  return (
    <th scope="col" aria-sort={direction} className={className}>
      <button type="button" className="app-sort-button" onClick={() => onSort(next)}>
        {label}
        <span className="app-sort-indicator" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
        {oneWay ? null : <span className="sr-only">{direction === 'ascending' ? t('list.sortDescending') : t('list.sortAscending')}</span>}
      </button>
    </th>
  );
}

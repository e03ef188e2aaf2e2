import { useTranslation } from 'react-i18next';
import type { JobseekerSort } from '../api/types';

type SortKey = 'name' | 'created' | 'birthDate' | 'municipality';

type SortHeaderProps = { column: SortKey; label: string; sort: JobseekerSort; onSort: (sort: JobseekerSort) => void };

/** A column header that sorts on a button press; aria-sort tells which way it is sorted now. */
export function SortHeader({ column, label, sort, onSort }: SortHeaderProps) {
  const { t } = useTranslation();
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  const next: JobseekerSort = direction === 'ascending' ? (`-${column}` as JobseekerSort) : column;
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" className="app-sort-button" onClick={() => onSort(next)}>
        {label}
        <span className="app-sort-indicator" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
        <span className="sr-only">{direction === 'ascending' ? t('list.sortDescending') : t('list.sortAscending')}</span>
      </button>
    </th>
  );
}

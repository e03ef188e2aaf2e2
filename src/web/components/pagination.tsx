import { useTranslation } from 'react-i18next';

type PaginationProps = { page: number; pageSize: number; total: number; onPage: (page: number) => void; label: string };

/** Previous / next with "page x of y"; buttons, not links, so keyboard and screen reader both work. */
export function Pagination({ page, pageSize, total, onPage, label }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="app-pagination" aria-label={label}>
      <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pagination.previous')}
      </button>
      <span className="app-pagination-status">{t('pagination.status', { page, pages })}</span>
      <button type="button" className="button button-secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pagination.next')}
      </button>
    </nav>
  );
}

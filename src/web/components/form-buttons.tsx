import { useTranslation } from 'react-i18next';

/**
 * An inline form's Save and Cancel, the save disabled (and saying so) while the request runs.
 * `pendingLabel` for a form that does not save (a removal says what it is doing).
 */
export function FormButtons({ pending, submitLabel, pendingLabel, onCancel }: { pending: boolean; submitLabel: string; pendingLabel?: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="app-actions">
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? (pendingLabel ?? t('common.saving')) : submitLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

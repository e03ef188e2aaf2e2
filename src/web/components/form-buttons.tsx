import { useTranslation } from 'react-i18next';

/** An inline form's Save and Cancel, the save disabled (and saying so) while the request runs. */
export function FormButtons({ pending, submitLabel, onCancel }: { pending: boolean; submitLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="app-actions">
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t('common.saving') : submitLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/**
 * The message of a failed request, in an alert that screen readers announce. The field
 * messages are shown beside their inputs; the alert lists only those with no input on the page.
 */
export function ErrorAlert({ error, title, knownFields = [] }: { error: unknown; title?: string; knownFields?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  const otherFields = isApiError(error) ? Object.entries(error.fields).filter(([key]) => !knownFields.includes(key)) : [];
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-heading">{title ?? t('errors.title')}</p>
        <p className="alert-text">{message}</p>
        {otherFields.length > 0 ? (
          <ul className="alert-text">
            {otherFields.map(([key, text]) => (
              <li key={key}>{text}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

export function SuccessAlert({ children }: { children: string }) {
  return (
    <div className="alert alert-success" role="status">
      <div className="alert-body">
        <p className="alert-text">{children}</p>
      </div>
    </div>
  );
}

/** Field messages of a failed request, by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  return isApiError(error) ? error.fields : {};
}

import { useTranslation } from 'react-i18next';
import type { ConversationStatus, TrafficLight } from '../api/spell-types';

const LIGHT_ICON: Record<TrafficLight, string> = { overdue: '!', due_soon: '◷', ok: '✓' };

/** Traffic light as text, colour and icon together, so colour is never the only signal. */
export function TrafficLightBadge({ light }: { light: TrafficLight }) {
  const { t } = useTranslation();
  return (
    <span className={`app-light app-light--${light}`} data-light={light}>
      <span className="app-light-icon" aria-hidden="true">
        {LIGHT_ICON[light]}
      </span>
      {t(`caseload.lights.${light}`)}
    </span>
  );
}

const STATUS_CLASS: Record<ConversationStatus, string> = {
  planned: 'badge badge-info',
  booked: 'badge badge-warning',
  held: 'badge badge-success',
  no_show: 'badge badge-error',
  cancelled: 'badge',
  exempted: 'badge',
  superseded: 'badge',
};

export function ConversationStatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`${STATUS_CLASS[status]} app-status`} data-status={status}>
      {t(`conversation.statuses.${status}`)}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import type { TrafficLight as Light } from '../api/measurement';

const ICON: Record<Exclude<Light, 'none'>, string> = { met: '✓', near: '!', not_met: '✗' };

/** The judgement as an icon and a word, never as colour alone. */
export function TrafficLight({ light }: { light: Light }) {
  const { t } = useTranslation();
  if (light === 'none') return null;
  return (
    <span className={`app-light app-light--${light}`}>
      <span aria-hidden="true" className="app-light-icon">
        {ICON[light]}
      </span>{' '}
      {t(`results.light.${light}`)}
    </span>
  );
}

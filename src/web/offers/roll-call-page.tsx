import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ABSENCE_REASONS, useRegisterAttendance, useRollCall, type AbsenceReason } from '../api/offers';
import { ErrorAlert } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate } from '../i18n/format';

const route = getRouteApi('/authenticated/offer-sessions/$id/roll-call');

/**
 * Roll-call on a phone or tablet: one card per participant with big buttons, one tap for present
 * and one for absent (with the reason chosen beside it, "absent without notice" by default).
 */
export function RollCallPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const [day, setDay] = useState<string | undefined>(undefined);
  const rollCall = useRollCall(id, day);
  const register = useRegisterAttendance(id);
  const [reasons, setReasons] = useState<Record<string, AbsenceReason>>({});
  const [announcement, setAnnouncement] = useState('');

  if (rollCall.isLoading) return <Loading />;
  if (!rollCall.data) return <ErrorAlert error={rollCall.error} />;
  const rc = rollCall.data;
  const registered = rc.participants.filter((p) => p.status !== null).length;

  function mark(enrolmentId: string, name: string, status: 'present' | 'absent') {
    const absenceReason = status === 'absent' ? (reasons[enrolmentId] ?? 'no_notice') : undefined;
    register.mutate(
      { enrolmentId, day: rc.day, status, absenceReason },
      { onSuccess: () => setAnnouncement(status === 'present' ? t('rollCall.markedPresent', { name }) : t('rollCall.markedAbsent', { name, reason: t(`absenceReasons.${absenceReason}`) })) },
    );
  }

  return (
    <div className="rollcall">
      <PageHeading title={t('rollCall.title')}>{t('rollCall.title')}</PageHeading>
      <p>
        <Link to="/offer-sessions/$id" params={{ id }}>
          {rc.title}
        </Link>
      </p>
      <TextField id="rollcall-day" type="date" label={t('rollCall.day')} hint={t('rollCall.dayHint', { from: formatDate(rc.firstDay), to: formatDate(rc.lastDay) })} value={rc.day} onChange={(v) => v && setDay(v)} />
      <p role="status">{t('rollCall.progress', { registered, total: rc.participants.length })}</p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <ErrorAlert error={register.error} />
      {rc.participants.length === 0 ? <p>{t('rollCall.nobody')}</p> : null}
      <ul className="rollcall-list">
        {rc.participants.map((p) => (
          <li key={p.enrolmentId}>
            <fieldset className={`rollcall-card rollcall-${p.status ?? 'none'}`}>
              <legend className="rollcall-name">{p.name}</legend>
              <p className="rollcall-state">{p.status === null ? t('rollCall.notRegistered') : p.status === 'present' ? t('rollCall.present') : `${t('rollCall.absent')}: ${t(`absenceReasons.${p.absenceReason ?? 'no_notice'}`)}`}</p>
              <div className="rollcall-buttons">
                <button type="button" className="button button-primary rollcall-button" aria-pressed={p.status === 'present'} onClick={() => mark(p.enrolmentId, p.name, 'present')} disabled={register.isPending}>
                  {t('rollCall.markPresent')}
                </button>
                <button type="button" className="button button-secondary rollcall-button" aria-pressed={p.status === 'absent'} onClick={() => mark(p.enrolmentId, p.name, 'absent')} disabled={register.isPending}>
                  {t('rollCall.markAbsent')}
                </button>
              </div>
              <div className="form-group">
                <label className="form-label" htmlFor={`reason-${p.enrolmentId}`}>
                  {t('rollCall.reason')}
                </label>
                <select
                  id={`reason-${p.enrolmentId}`}
                  className="form-select"
                  value={reasons[p.enrolmentId] ?? p.absenceReason ?? 'no_notice'}
                  onChange={(e) => setReasons((prev) => ({ ...prev, [p.enrolmentId]: e.target.value as AbsenceReason }))}
                >
                  {ABSENCE_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`absenceReasons.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePortalMe, usePortalOverview } from '../api/portal';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate, formatDateTime } from '../i18n/format';

export function PortalHomePage() {
  const { t } = useTranslation();
  const me = usePortalMe().data ?? null;
  const overview = usePortalOverview();
  const title = t('portal.home.title', { name: me?.firstName ?? '' });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {overview.error ? <ErrorAlert error={overview.error} /> : null}
      {!overview.data ? (
        overview.error ? null : <Loading />
      ) : (
        <>
          <section className="portal-card" aria-labelledby="next-meeting">
            <h2 id="next-meeting">{t('portal.home.nextMeeting')}</h2>
            {overview.data.nextMeeting ? (
              <p>
                {t('portal.home.meeting', {
                  label: overview.data.nextMeeting.label,
                  at: formatDateTime(overview.data.nextMeeting.scheduledAt),
                  where: overview.data.nextMeeting.place ?? t(`conversation.modes.${overview.data.nextMeeting.mode ?? 'any'}`),
                })}
              </p>
            ) : (
              <p>{t('portal.home.noMeeting')}</p>
            )}
          </section>
          <section className="portal-card" aria-labelledby="due">
            <h2 id="due">{t('portal.home.due')}</h2>
            {!overview.data.questionnaireDue && overview.data.activitiesDue.length === 0 ? <p>{t('portal.home.nothingDue')}</p> : null}
            <ul className="portal-list">
              {overview.data.questionnaireDue ? (
                <li>
                  <Link to="/portal/questionnaire">{t('portal.home.questionnaireDue')}</Link>
                </li>
              ) : null}
              {overview.data.activitiesDue.map((a) => (
                <li key={`${a.title}-${a.dueDate}`}>
                  <Link to="/portal/plan">{t('portal.home.activity', { title: a.title, date: formatDate(a.dueDate) })}</Link>
                </li>
              ))}
            </ul>
          </section>
          {overview.data.unreadMessages !== null ? (
            <section className="portal-card" aria-labelledby="messages">
              <h2 id="messages">{t('portal.home.messages')}</h2>
              <p>
                <Link to="/portal/messages">{t('portal.home.unread', { count: overview.data.unreadMessages })}</Link>
              </p>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

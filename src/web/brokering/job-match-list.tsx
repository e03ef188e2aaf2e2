import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { JobMatch } from '../api/brokering';
import { formatDate } from '../i18n/format';
import { municipalityName } from './options';

/**
 * Ranked jobs — job orders and imported vacancies — each with where it comes from, its
 * deadline, its score and the reasons in words. Staff get a link to the job order; everyone
 * gets the vacancy's own page, where one applies.
 */
export function JobMatchList({ items, linkJobOrders, headingLevel = 3 }: { items: JobMatch[]; linkJobOrders: boolean; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol className="job-match-list">
      {items.map((m) => {
        const headingId = `job-${m.id}`;
        return (
          <li key={m.id} className="job-match" aria-labelledby={headingId}>
            <Heading id={headingId} className="job-match-title">
              {m.source === 'job_order' && linkJobOrders ? (
                <Link to="/job-orders/$id" params={{ id: m.id }}>
                  {m.title}
                </Link>
              ) : (
                m.title
              )}
            </Heading>
            <p className="job-match-meta">
              <span className="job-match-source">{t(`jobMatches.source.${m.source}`)}</span>
              {` · ${m.employerName} · ${municipalityName(m.municipalityCode)}`}
              {m.deadline ? ` · ${t('jobMatches.deadline', { date: formatDate(m.deadline) })}` : ''}
            </p>
            <p>
              <strong>{t('brokering.match.score', { score: m.score })}</strong>
              {' – '}
              {t('jobMatches.why')} {i18n.language === 'en' ? m.summary.en : m.summary.da}
            </p>
            {m.source === 'vacancy' && m.url ? (
              <p>
                <a href={m.url} rel="noopener noreferrer">
                  {t('jobMatches.openVacancy', { title: m.title })}
                </a>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

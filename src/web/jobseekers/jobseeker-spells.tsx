import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useJobseekerSpells } from '../api/spells';
import { ErrorAlert } from '../components/error-alert';
import { formatDate } from '../i18n/format';

/** The jobseeker's spells, newest first, and the way to start a new one when none is active. */
export function JobseekerSpells({ jobseekerId }: { jobseekerId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const spells = useJobseekerSpells(jobseekerId, can(me, 'spell.read'));
  if (!can(me, 'spell.read')) return null;
  const hasActive = spells.data?.some((s) => s.status === 'active') ?? true;
  return (
    <section aria-labelledby="spells-heading" className="app-section">
      <div className="app-title-row">
        <h2 id="spells-heading">{t('spell.listTitle')}</h2>
        {can(me, 'spell.write') && spells.data && !hasActive ? (
          <Link to="/jobseekers/$id/spells/new" params={{ id: jobseekerId }} className="button button-primary no-print">
            {t('spell.create')}
          </Link>
        ) : null}
      </div>
      {spells.error ? <ErrorAlert error={spells.error} /> : null}
      {spells.data && spells.data.length === 0 ? <p>{t('spell.noSpells')}</p> : null}
      {spells.data && spells.data.length > 0 ? (
        <ul className="nobullet-list app-plain-list app-spell-list">
          {spells.data.map((s) => (
            <li key={s.id}>
              <Link to="/spells/$id" params={{ id: s.id }}>
                {t('spell.listItem', { kind: t(`spell.kinds.${s.kind}`), start: formatDate(s.startDate) })}
              </Link>{' '}
              <span className={s.status === 'active' ? 'badge badge-success' : 'badge'}>{s.status === 'active' ? t('spell.statuses.active') : t('spell.statuses.ended')}</span>
              {s.segment ? <span className="app-muted"> {t('spell.segmentIs', { segment: s.cadence?.name ?? s.segment })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

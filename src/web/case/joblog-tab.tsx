import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { staffJoblogBase } from '../api/joblog';
import type { SpellDetail } from '../api/spell-types';
import { JoblogPanel } from './joblog-panel';

/** The case page's Joblog tab: the caseworker reads the joblog and keeps it on the jobseeker's behalf. */
export function JoblogTab({ spell }: { spell: SpellDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <p className="app-note">{t('joblog.staffIntro')}</p>
      <JoblogPanel base={staffJoblogBase(spell.jobseekerId)} writable={can(me, 'jobseeker.write')} audience="staff" />
    </>
  );
}

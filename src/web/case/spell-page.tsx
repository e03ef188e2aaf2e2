import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useOrganisation } from '../api/organisation';
import type { SpellDetail } from '../api/spell-types';
import { useSpell } from '../api/spells';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate } from '../i18n/format';
import { ConversationTimeline } from './conversation-timeline';
import { PlanTab } from './plan-tab';
import { JoblogTab } from './joblog-tab';
import { BusinessActivitiesTab } from './business-activities-tab';
import { WageHoursTab } from './wage-hours-tab';
import { ProfilingTab } from './profiling-tab';
import { SpellFactsTab } from './spell-facts-tab';
import { CaseMessagesTab } from '../messages/case-messages-tab';
import { canSeeSpellTab, SPELL_TABS, type SpellTab } from './spell-tabs';

const route = getRouteApi('/authenticated/spells/$id');

export function SpellPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const { tab = 'conversations' } = route.useSearch();
  const spell = useSpell(id);
  const me = useMe();
  const s = spell.data;
  const visible = (name: SpellTab) => canSeeSpellTab(name, me?.permissions ?? []);
  const title = s?.jobseeker ? s.jobseeker.name : spell.error ? t('spell.notFound') : t('common.loading');
  return (
    <>
      {s ? (
        <p className="app-back no-print">
          <Link to="/jobseekers/$id" params={{ id: s.jobseekerId }}>
            {t('spell.toJobseeker')}
          </Link>
        </p>
      ) : null}
      <PageHeading title={s ? t('spell.pageTitle', { name: title }) : title}>{title}</PageHeading>
      {spell.error ? <ErrorAlert error={spell.error} /> : null}
      {s ? (
        <>
          <SpellHeader spell={s} />
          <nav className="app-tabs no-print" aria-label={t('spell.tabsLabel')}>
            <ul className="nobullet-list">
              {SPELL_TABS.filter(visible).map((name) => (
                <li key={name}>
                  <Link to="/spells/$id" params={{ id }} search={{ tab: name === 'conversations' ? undefined : name }} aria-current={tab === name ? 'page' : undefined} className={tab === name ? 'app-tab app-tab--active' : 'app-tab'}>
                    {name === 'messages' ? t('messages.caseTab') : t(`spell.tabs.${name}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-tab-panel">
            {tab === 'conversations' ? <ConversationTimeline spell={s} /> : null}
            {tab === 'profiling' ? <ProfilingTab spell={s} /> : null}
            {tab === 'plan' ? <PlanTab spell={s} /> : null}
            {tab === 'joblog' ? <JoblogTab spell={s} /> : null}
            {tab === 'activities' && visible('activities') ? <BusinessActivitiesTab spell={s} /> : null}
            {tab === 'wage-hours' && visible('wage-hours') ? <WageHoursTab spell={s} /> : null}
            {tab === 'spell' ? <SpellFactsTab spell={s} /> : null}
            {tab === 'messages' ? <CaseMessagesTab jobseekerId={s.jobseekerId} /> : null}
          </div>
        </>
      ) : spell.isPending ? (
        <Loading />
      ) : null}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SpellHeader({ spell }: { spell: SpellDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const organisation = useOrganisation();
  const unitName = organisation.data?.units.find((u) => u.id === spell.unitId)?.name;
  const caseworkerName = organisation.data?.staff.find((p) => p.id === spell.caseworkerId)?.name;
  const segmentName = spell.segments.find((x) => x.segment === spell.segment)?.name;
  return (
    <section aria-label={t('spell.factsLabel')} className="app-spell-header">
      <dl className="app-facts">
        <Fact label={t('jobseeker.fields.cpr')}>{spell.jobseeker?.cprMasked ?? ''}</Fact>
        <Fact label={t('spell.age')}>{spell.jobseeker ? t('jobseeker.age', { count: spell.jobseeker.age }) : ''}</Fact>
        <Fact label={t('spell.kind')}>{t(`spell.kinds.${spell.kind}`)}</Fact>
        <Fact label={t('spell.status')}>
          {spell.status === 'active' ? t('spell.statuses.active') : t('spell.endedOn', { date: formatDate(spell.endDate), reason: t(`endReasons.${spell.endReason ?? 'other'}`) })}
        </Fact>
        <Fact label={t('spell.startDate')}>{formatDate(spell.startDate)}</Fact>
        {spell.noticeEndDate ? <Fact label={t('spell.noticeEndDate')}>{formatDate(spell.noticeEndDate)}</Fact> : null}
        <Fact label={t('spell.targetGroup')}>{t(`targetGroups.${spell.targetGroup}`, { defaultValue: spell.targetGroup })}</Fact>
        <Fact label={t('spell.segment')}>{spell.segment ? (segmentName ?? spell.segment) : t('spell.noSegment')}</Fact>
        <Fact label={t('spell.cadence')}>{spell.cadence ? t('spell.cadenceVersion', { name: spell.cadence.name, version: spell.cadence.version }) : t('spell.noCadence')}</Fact>
        <Fact label={t('spell.handoverDate')}>{spell.handoverDate ? formatDate(spell.handoverDate) : t('common.notStated')}</Fact>
        {spell.passed410On ? <Fact label={t('spell.passed410On')}>{formatDate(spell.passed410On)}</Fact> : null}
        <Fact label={t('spell.unit')}>{unitName ?? t('common.notStated')}</Fact>
        <Fact label={t('spell.caseworker')}>{caseworkerName ?? t('common.notStated')}</Fact>
      </dl>
      {spell.openTasks.length > 0 ? (
        <div className="alert alert-warning app-open-tasks">
          <div className="alert-body">
            <h2 className="alert-heading h4">{t('spell.openTasks', { count: spell.openTasks.length })}</h2>
            <ul className="alert-text" data-testid="open-tasks">
              {spell.openTasks.map((task) => (
                <li key={task.id}>
                  {task.title} <span className="app-nowrap">({t('tasks.due', { date: formatDate(task.dueDate) })})</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {!spell.segment && spell.status === 'active' && can(me, 'spell.write') ? (
        <div className="alert alert-info">
          <div className="alert-body">
            <p className="alert-text">
              {t('spell.noSegmentYet')}{' '}
              <Link to="/spells/$id" params={{ id: spell.id }} search={{ tab: 'profiling' }}>
                {t('spell.goToProfiling')}
              </Link>
            </p>
          </div>
        </div>
      ) : null}
    </section>
  );
}

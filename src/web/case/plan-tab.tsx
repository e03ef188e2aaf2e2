import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { isApiError } from '../api/client';
import { planPdfUrl, planQuery, usePlan, useSavePlan } from '../api/plans';
import type { PlanActivityStatus, PlanComment, PlanVersion, SpellDetail } from '../api/spell-types';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextAreaField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { RepeatingRows } from '../components/repeating-rows';
import { formatDate, formatDateTime } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

const ACTIVITY_STATUSES: PlanActivityStatus[] = ['open', 'done', 'dropped'];

type Activity = { id?: string; title: string; dueDate: string; status: PlanActivityStatus };
type Values = { jobGoals: string[]; activities: Activity[]; searchRequirement: string; searchStrategy: string; changeNote: string };

function valuesOf(plan: PlanVersion | null): Values {
  return {
    jobGoals: plan && plan.jobGoals.length > 0 ? plan.jobGoals.map((g) => g.title) : [''],
    activities: plan ? plan.activities.map((a) => ({ id: a.id, title: a.title, dueDate: a.dueDate ?? '', status: a.status })) : [{ title: '', dueDate: '', status: 'open' }],
    searchRequirement: plan?.searchRequirementPerWeek != null ? String(plan.searchRequirementPerWeek) : '',
    searchStrategy: plan?.searchStrategy ?? '',
    changeNote: '',
  };
}

export function PlanTab({ spell }: { spell: SpellDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const plan = usePlan(spell.id);
  const writable = can(me, 'spell.write') && spell.status === 'active';
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!plan.data) return <Loading />;
  const current = plan.data.current;
  return (
    <>
      <div className="app-title-row">
        <h2 id="plan-heading">{t('plan.title')}</h2>
        {current ? (
          <a className="button button-secondary no-print" href={planPdfUrl(spell.id)} target="_blank" rel="noopener">
            {t('plan.pdf')}
            <span className="sr-only"> {t('plan.opensNewWindow')}</span>
          </a>
        ) : null}
      </div>
      <p role="status" className="app-result-count" data-testid="plan-version">
        {current ? t('plan.currentVersion', { version: current.version, at: formatDateTime(current.createdAt), by: current.createdByName ?? t(`plan.createdBy.${current.createdByKind}`) }) : t('plan.none')}
      </p>
      {writable ? <PlanForm key={current?.id ?? 'none'} spellId={spell.id} current={current} /> : current ? <PlanView plan={current} /> : null}
      <JobseekerComments comments={plan.data.comments ?? []} />
      <VersionHistory versions={plan.data.versions} />
    </>
  );
}

/** What the jobseeker wrote about the plan in the portal. */
function JobseekerComments({ comments }: { comments: PlanComment[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan-comments-heading">
      <h2 id="plan-comments-heading">{t('portal.staff.commentsHeading')}</h2>
      {comments.length === 0 ? (
        <p>{t('portal.staff.noComments')}</p>
      ) : (
        <ul className="nobullet-list app-plain-list" data-testid="plan-comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="app-muted">{t('portal.staff.commentMeta', { at: formatDateTime(c.createdAt), version: c.version })}</p>
              <p className="app-prewrap">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PlanForm({ spellId, current }: { spellId: string; current: PlanVersion | null }) {
  const { t } = useTranslation();
  const save = useSavePlan(spellId);
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(current));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...localErrors };
  const conflict = isApiError(save.error) && save.error.code === 'version_conflict';
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const requirement = values.searchRequirement.trim() === '' ? null : Number(values.searchRequirement.replace(',', '.'));
    if (requirement !== null && (!Number.isFinite(requirement) || requirement < 0 || requirement > 20)) {
      setLocalErrors({ searchRequirementPerWeek: t('plan.errors.requirement') });
      return;
    }
    setLocalErrors({});
    save.mutate(
      {
        basedOnVersion: current?.version ?? 0,
        jobGoals: values.jobGoals.map((g) => g.trim()).filter(Boolean).map((title) => ({ title })),
        activities: values.activities
          .filter((a) => a.title.trim() !== '')
          .map((a) => ({ ...(a.id ? { id: a.id } : {}), title: a.title.trim(), dueDate: a.dueDate || null, status: a.status })),
        searchRequirementPerWeek: requirement,
        searchStrategy: values.searchStrategy.trim() || null,
        changeNote: values.changeNote.trim() || null,
      },
      { onSuccess: (plan) => announce(t('plan.saved', { version: plan.current?.version ?? 1 })) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="app-form" aria-labelledby="plan-heading">
      {save.error ? <ErrorAlert error={save.error} knownFields={['searchRequirementPerWeek', 'searchStrategy', 'changeNote']} /> : null}
      {conflict ? (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">{t('plan.conflict')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                save.reset();
                void queryClient.invalidateQueries({ queryKey: planQuery(spellId).queryKey });
              }}
            >
              {t('plan.reload')}
            </button>
          </div>
        </div>
      ) : null}
      <RepeatingRows
        id="plan-goals"
        legend={t('plan.jobGoals')}
        legendClassName="h3"
        hint={t('plan.jobGoalsHint')}
        items={values.jobGoals}
        onChange={set('jobGoals')}
        empty={() => ''}
        addLabel={t('plan.addGoal')}
        removeLabel={(i) => t('plan.removeGoal', { n: i + 1 })}
        renderRow={(goal, i, update) => <TextField id={`goal-${i}`} label={t('plan.goalN', { n: i + 1 })} value={goal} onChange={update} error={errors[`jobGoals.${i}.title`]} />}
      />
      <RepeatingRows
        id="plan-activities"
        legend={t('plan.activities')}
        legendClassName="h3"
        items={values.activities}
        onChange={set('activities')}
        empty={(): Activity => ({ title: '', dueDate: '', status: 'open' })}
        addLabel={t('plan.addActivity')}
        removeLabel={(i) => t('plan.removeActivity', { n: i + 1 })}
        renderRow={(activity, i, update) => (
          <>
            <TextField id={`activity-${i}-title`} label={t('plan.activityN', { n: i + 1 })} value={activity.title} onChange={(title) => update({ ...activity, title })} error={errors[`activities.${i}.title`]} />
            <TextField id={`activity-${i}-due`} type="date" label={t('plan.dueDateN', { n: i + 1 })} value={activity.dueDate} onChange={(dueDate) => update({ ...activity, dueDate })} error={errors[`activities.${i}.dueDate`]} className="input-width-s" />
            <SelectField
              id={`activity-${i}-status`}
              label={t('plan.statusN', { n: i + 1 })}
              value={activity.status}
              onChange={(status) => update({ ...activity, status: status as PlanActivityStatus })}
              options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) }))}
            />
          </>
        )}
      />
      <h3>{t('plan.search')}</h3>
      <TextField
        id="searchRequirement"
        type="number"
        inputMode="decimal"
        min="0"
        max="20"
        label={t('plan.searchRequirement')}
        hint={t('plan.searchRequirementHint')}
        value={values.searchRequirement}
        onChange={set('searchRequirement')}
        error={errors.searchRequirementPerWeek}
        className="input-width-xs"
      />
      <TextAreaField id="searchStrategy" label={t('plan.searchStrategy')} value={values.searchStrategy} onChange={set('searchStrategy')} error={errors.searchStrategy} rows={4} />
      <TextAreaField id="changeNote" label={t('plan.changeNote')} hint={t('plan.changeNoteHint')} value={values.changeNote} onChange={set('changeNote')} error={errors.changeNote} rows={2} />
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {save.isPending ? t('common.saving') : t('plan.save')}
      </button>
    </form>
  );
}

function PlanView({ plan }: { plan: PlanVersion }) {
  const { t } = useTranslation();
  return (
    <div className="app-plan-view">
      <h3 className="h4">{t('plan.jobGoals')}</h3>
      {plan.jobGoals.length > 0 ? (
        <ul>
          {plan.jobGoals.map((g, i) => (
            <li key={i}>{g.title}</li>
          ))}
        </ul>
      ) : (
        <p>{t('plan.noneListed')}</p>
      )}
      <h3 className="h4">{t('plan.activities')}</h3>
      {plan.activities.length > 0 ? (
        <ul>
          {plan.activities.map((a) => (
            <li key={a.id}>
              {a.title}
              {a.dueDate ? ` (${t('plan.dueBy', { date: formatDate(a.dueDate) })})` : ''} – {t(`plan.statuses.${a.status}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('plan.noneListed')}</p>
      )}
      <p>
        <strong>{t('plan.searchRequirement')}:</strong> {plan.searchRequirementPerWeek != null ? t('plan.perWeek', { count: plan.searchRequirementPerWeek }) : t('common.notStated')}
      </p>
      {plan.searchStrategy ? (
        <p className="app-prewrap">
          <strong>{t('plan.searchStrategy')}:</strong> {plan.searchStrategy}
        </p>
      ) : null}
    </div>
  );
}

function VersionHistory({ versions }: { versions: PlanVersion[] }) {
  const { t } = useTranslation();
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="plan-history-heading" className="app-plan-history">
      <h2 id="plan-history-heading">{t('plan.history')}</h2>
      <ul className="nobullet-list app-plain-list">
        {versions.map((v) => (
          <li key={v.id}>
            <details className="app-details">
              <summary>{t('plan.versionSummary', { version: v.version, at: formatDateTime(v.createdAt), by: v.createdByName ?? t(`plan.createdBy.${v.createdByKind}`) })}</summary>
              {v.changeNote ? <p className="app-prewrap">{v.changeNote}</p> : null}
              <PlanView plan={v} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

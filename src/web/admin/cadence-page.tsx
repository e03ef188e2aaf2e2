import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CadenceDefinition, CadenceWindow } from '../api/spell-types';
import { useTemplate } from '../api/templates';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate } from '../i18n/format';

const route = getRouteApi('/authenticated/admin/cadences/$id');

/** A window in words, e.g. "within 2 weeks" or "in week 9" (day 0 is the first day of unemployment). */
export function windowText(window: CadenceWindow, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (window.kind) {
    case 'on_day':
      return t('cadences.windows.on_day', { day: window.day });
    case 'within_days':
      return t('cadences.windows.within_days', { count: window.days });
    case 'within_weeks':
      return t('cadences.windows.within_weeks', { count: window.weeks });
    case 'in_week':
      return t('cadences.windows.in_week', { week: window.week });
    case 'between_weeks':
      return t('cadences.windows.between_weeks', { from: window.from, to: window.to });
    case 'at_weeks':
      return window.weeksBefore ? t('cadences.windows.at_weeks_before', { count: window.weeks, before: window.weeksBefore }) : t('cadences.windows.at_weeks', { count: window.weeks });
    case 'within_months':
      return t('cadences.windows.within_months', { count: window.months });
    case 'at_months':
      return window.weeksBefore ? t('cadences.windows.at_months_before', { count: window.months, before: window.weeksBefore }) : t('cadences.windows.at_months', { count: window.months });
    default:
      return window satisfies never;
  }
}

function handoverText(handover: CadenceDefinition['handover'], t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (handover.kind) {
    case 'hours':
      return t('cadences.handover.hours', { count: handover.hours });
    case 'months':
      return t('cadences.handover.months', { count: handover.months });
    case 'weeks':
      return t('cadences.handover.weeks', { count: handover.weeks });
    case 'none':
      return t('cadences.handover.none');
    default:
      return handover satisfies never;
  }
}

export function CadencePage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const template = useTemplate(id);
  const d = template.data?.definition;
  const title = d ? d.name : template.error ? t('cadences.notFound') : t('common.loading');
  return (
    <>
      <p className="app-back no-print">
        <Link to="/admin/cadences">{t('cadences.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {template.error ? <ErrorAlert error={template.error} /> : null}
      {template.data && d ? (
        <>
          <p className="app-narrow">{d.description}</p>
          <dl className="app-dl">
            <div className="app-dl-row">
              <dt>{t('cadences.segment')}</dt>
              <dd className="app-id">{d.segment}</dd>
            </div>
            <div className="app-dl-row">
              <dt>{t('cadences.version')}</dt>
              <dd>{t('cadences.versionFrom', { version: template.data.version, date: formatDate(template.data.validFrom) })}</dd>
            </div>
            <div className="app-dl-row">
              <dt>{t('cadences.active')}</dt>
              <dd>{template.data.active ? t('cadences.on') : t('cadences.off')}</dd>
            </div>
            <div className="app-dl-row">
              <dt>{t('cadences.anchor')}</dt>
              <dd>{t(`cadences.anchors.${d.anchor}`)}</dd>
            </div>
            <div className="app-dl-row">
              <dt>{t('cadences.handoverLabel')}</dt>
              <dd>{handoverText(d.handover, t)}</dd>
            </div>
            <div className="app-dl-row">
              <dt>{t('cadences.source')}</dt>
              <dd>{d.source}</dd>
            </div>
          </dl>
          <table className="table table--zebra table--responsive-headers app-table">
            <caption className="app-caption">{t('cadences.conversationsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cadences.conversation')}</th>
                <th scope="col">{t('cadences.type')}</th>
                <th scope="col">{t('cadences.window')}</th>
                <th scope="col">{t('cadences.mandatory')}</th>
                <th scope="col">{t('cadences.mode')}</th>
              </tr>
            </thead>
            <tbody>
              {d.conversations.map((c) => (
                <tr key={c.key}>
                  <td data-title={t('cadences.conversation')}>{c.label}</td>
                  <td data-title={t('cadences.type')}>{t(`conversation.types.${c.type}`, { defaultValue: c.type })}</td>
                  <td data-title={t('cadences.window')}>
                    {windowText(c.window, t)}
                    {c.repeat ? ` ${t('cadences.repeat', { every: c.repeat.everyWeeks, times: c.repeat.times })}` : ''}
                    {c.maxMinutes ? ` ${t('cadences.maxMinutes', { count: c.maxMinutes })}` : ''}
                  </td>
                  <td data-title={t('cadences.mandatory')}>{c.mandatory ? t('common.yes') : t('common.no')}</td>
                  <td data-title={t('cadences.mode')}>{t(`conversation.modes.${c.mode}`, { defaultValue: c.mode })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.minimumTalks && d.minimumTalks.length > 0 ? (
            <>
              <h2>{t('cadences.minimumTalks')}</h2>
              <ul>
                {d.minimumTalks.map((m, i) => (
                  <li key={i}>{m.description}</li>
                ))}
              </ul>
            </>
          ) : null}
          {template.data.versions.length > 1 ? (
            <>
              <h2>{t('cadences.versions')}</h2>
              <ul>
                {template.data.versions.map((v) => (
                  <li key={v.id}>{t('cadences.versionFrom', { version: v.version, date: formatDate(v.validFrom) })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : template.isPending ? (
        <Loading />
      ) : null}
    </>
  );
}

import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useJobseeker } from '../api/jobseekers';
import { useOrganisation } from '../api/organisation';
import type { SpellKind } from '../api/spell-types';
import { useCreateSpell } from '../api/spells';
import { targetGroupsFor } from '../case/reference-codes';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { RadioGroup, SelectField, TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';
import { copenhagenToday } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

const route = getRouteApi('/authenticated/jobseekers/$id/spells/new');
const FIELDS = ['kind', 'startDate', 'registrationDate', 'noticeEndDate', 'targetGroup', 'unitId', 'caseworkerId'];

export function NewSpellPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const me = useMe();
  const jobseeker = useJobseeker(id);
  const organisation = useOrganisation();
  const create = useCreateSpell(id);
  const navigate = useNavigate();
  const announce = useAnnounce();
  const kindOfOrg = me?.organisationKind ?? 'akasse';
  const groups = targetGroupsFor(kindOfOrg);
  const [kind, setKind] = useState<string>('unemployment');
  const [startDate, setStartDate] = useState(copenhagenToday());
  const [noticeEndDate, setNoticeEndDate] = useState('');
  const [targetGroup, setTargetGroup] = useState<string>(groups[0] ?? '');
  const [unitId, setUnitId] = useState(me?.unitId ?? '');
  const [caseworkerId, setCaseworkerId] = useState(me?.role === 'caseworker' ? me.id : '');
  const errors = fieldErrors(create.error);
  const name = jobseeker.data ? `${jobseeker.data.firstName} ${jobseeker.data.lastName}` : '';
  const caseworkers = (organisation.data?.staff ?? []).filter((s) => s.active && (s.role === 'caseworker' || s.role === 'manager'));

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        kind: kind as SpellKind,
        startDate,
        ...(kind === 'notice' ? { noticeEndDate: noticeEndDate || null } : {}),
        targetGroup,
        unitId: unitId || null,
        ...(can(me, 'spell.assign') || caseworkerId ? { caseworkerId: caseworkerId || null } : {}),
      },
      {
        onSuccess: (spell) => {
          announce(t('spell.created'));
          void navigate({ to: '/spells/$id', params: { id: spell.id }, search: { tab: 'profiling' } });
        },
      },
    );
  }

  const title = name ? t('spell.createTitleNamed', { name }) : t('spell.createTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <form onSubmit={submit} noValidate className="app-form app-narrow">
        {create.error ? <ErrorAlert error={create.error} knownFields={FIELDS} /> : null}
        <RadioGroup
          id="kind"
          legend={t('spell.kind')}
          value={kind}
          onChange={setKind}
          error={errors.kind}
          required
          options={[
            { value: 'unemployment', label: t('spell.kinds.unemployment'), hint: t('spell.kindHints.unemployment') },
            { value: 'notice', label: t('spell.kinds.notice'), hint: t('spell.kindHints.notice') },
          ]}
        />
        <TextField id="startDate" type="date" label={kind === 'notice' ? t('spell.noticeStartDate') : t('spell.firstDay')} hint={t('spell.startDateHint')} value={startDate} onChange={setStartDate} error={errors.startDate} required className="input-width-s" />
        {kind === 'notice' ? <TextField id="noticeEndDate" type="date" label={t('spell.noticeEndDate')} value={noticeEndDate} onChange={setNoticeEndDate} error={errors.noticeEndDate} required className="input-width-s" /> : null}
        <SelectField id="targetGroup" label={t('spell.targetGroup')} value={targetGroup} onChange={setTargetGroup} error={errors.targetGroup} required options={groups.map((g) => ({ value: g, label: t(`targetGroups.${g}`) }))} />
        <SelectField id="unitId" label={t('spell.unit')} value={unitId} onChange={setUnitId} error={errors.unitId} emptyLabel={t('common.notStated')} options={(organisation.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        <SelectField id="caseworkerId" label={t('spell.caseworker')} value={caseworkerId} onChange={setCaseworkerId} error={errors.caseworkerId} emptyLabel={t('common.notStated')} options={caseworkers.map((s) => ({ value: s.id, label: s.name }))} />
        <div className="app-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('spell.createSubmit')}
          </button>
          <Link to="/jobseekers/$id" params={{ id }} className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

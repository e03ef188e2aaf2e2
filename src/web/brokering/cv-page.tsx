import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useCv, useJobMatches, useSaveCv, type Cv } from '../api/brokering';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../components/error-alert';
import { Checkbox, SelectField, TextAreaField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { JobMatchList } from './job-match-list';
import { occupationOptions } from './options';

const route = getRouteApi('/authenticated/jobseekers/$id/cv');
const LICENCES = ['B', 'BE', 'C', 'CE', 'D'] as const;
const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The jobseeker's CV data as matching reads it, edited by the caseworker or broker; and the open jobs it matches. */
export function CvPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { id } = route.useParams();
  const cv = useCv(id);
  const matches = useJobMatches(id);
  const save = useSaveCv(id);
  const [wanted, setWanted] = useState('');
  const [held, setHeld] = useState('');
  const [skills, setSkills] = useState('');
  const [education, setEducation] = useState('');
  const [languages, setLanguages] = useState('');
  const [licences, setLicences] = useState<string[]>([]);
  const [hours, setHours] = useState('');
  const [travel, setTravel] = useState('');
  const [availableFrom, setAvailableFrom] = useState('');
  const [summary, setSummary] = useState('');
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(save.error);
  const editable = can(me, 'cv.write');

  useEffect(() => {
    const c: Cv | undefined = cv.data;
    if (!c) return;
    setWanted(c.occupationsWanted[0]?.code ?? '');
    setHeld(c.occupationsHeld[0]?.code ?? '');
    setSkills(c.skills.join(', '));
    setEducation(c.education.join(', '));
    setLanguages(c.languages.join(', '));
    setLicences(c.drivingLicences);
    setHours(c.hoursWanted === null ? '' : String(c.hoursWanted));
    setTravel(c.maxTravelKm === null ? '' : String(c.maxTravelKm));
    setAvailableFrom(c.availableFrom ?? '');
    setSummary(c.summary);
  }, [cv.data]);

  if (cv.isLoading) return <Loading />;
  if (!cv.data) return <ErrorAlert error={cv.error} />;
  const current = cv.data;
  const title = t('brokering.cv.title');

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      {
        version: current.version,
        occupationsWanted: wanted ? [wanted, ...current.occupationsWanted.slice(1).map((o) => o.code)] : [],
        occupationsHeld: held ? [held, ...current.occupationsHeld.slice(1).map((o) => o.code)] : [],
        skills: list(skills),
        education: list(education),
        languages: list(languages),
        drivingLicences: licences,
        hoursWanted: hours ? Number(hours) : null,
        maxTravelKm: travel ? Number(travel) : null,
        availableFrom: availableFrom || null,
        summary,
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <>
      <p className="no-print">
        <Link to="/jobseekers/$id" params={{ id }}>
          {t('brokering.cv.back')}
        </Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {saved ? <SuccessAlert>{t('brokering.cv.saved')}</SuccessAlert> : null}
      <ErrorAlert error={save.error} knownFields={['occupationsWanted.0', 'occupationsHeld.0', 'skills', 'education', 'languages.0', 'hoursWanted', 'maxTravelKm', 'availableFrom', 'summary']} />
      <form onSubmit={submit} noValidate>
        <SelectField id="wanted" label={t('brokering.cv.wanted')} value={wanted} onChange={setWanted} options={occupationOptions(i18n.language)} emptyLabel={t('brokering.choose')} error={errors['occupationsWanted.0']} />
        <SelectField id="held" label={t('brokering.cv.held')} value={held} onChange={setHeld} options={occupationOptions(i18n.language)} emptyLabel={t('brokering.choose')} error={errors['occupationsHeld.0']} />
        <TextField id="skills" label={t('brokering.cv.skills')} hint={t('brokering.cv.commaHint')} value={skills} onChange={setSkills} error={errors.skills} />
        <TextField id="education" label={t('brokering.cv.education')} hint={t('brokering.cv.commaHint')} value={education} onChange={setEducation} error={errors.education} />
        <TextField id="languages" label={t('brokering.cv.languages')} hint={t('brokering.cv.languagesHint')} value={languages} onChange={setLanguages} error={errors['languages.0']} />
        <fieldset>
          <legend className="form-label">{t('brokering.cv.licences')}</legend>
          {LICENCES.map((l) => (
            <Checkbox key={l} id={`licence-${l}`} label={l} checked={licences.includes(l)} onChange={(on) => setLicences(on ? [...licences, l] : licences.filter((x) => x !== l))} />
          ))}
        </fieldset>
        <TextField id="hoursWanted" label={t('brokering.cv.hours')} value={hours} onChange={setHours} inputMode="numeric" className="input-width-xs" error={errors.hoursWanted} />
        <TextField id="maxTravelKm" label={t('brokering.cv.travel')} value={travel} onChange={setTravel} inputMode="numeric" className="input-width-xs" error={errors.maxTravelKm} />
        <TextField id="availableFrom" type="date" label={t('brokering.cv.availableFrom')} value={availableFrom} onChange={setAvailableFrom} error={errors.availableFrom} />
        <TextAreaField id="summary" label={t('brokering.cv.summary')} value={summary} onChange={setSummary} error={errors.summary} />
        {editable ? (
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('brokering.cv.save')}
          </button>
        ) : null}
      </form>
      <section aria-labelledby="job-matches">
        <h2 id="job-matches">{t('brokering.cv.matches')}</h2>
        {matches.data ? (
          matches.data.items.length === 0 ? (
            <p>{t('brokering.cv.noMatches')}</p>
          ) : (
            <JobMatchList items={matches.data.items} linkJobOrders />
          )
        ) : null}
      </section>
    </>
  );
}

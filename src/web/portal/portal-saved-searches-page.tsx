import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findOccupation } from '../../core/reference/occupations';
import { useCreateSavedSearch, useDeleteSavedSearch, useSavedSearches, useUpdateSavedSearch, type SavedSearch, type SearchCriteria } from '../api/portal-jobs';
import { municipalityName, municipalityOptions, occupationOptions } from '../brokering/options';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { Checkbox, SelectField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate, formatInstantDate } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';
import { describeSearch } from './search-text';
import { useFocusAfterRender } from '../components/use-focus-after-render';

/** "Gemte søgninger": the person's saved searches, their daily e-mail and what the last one found. */
export function PortalSavedSearchesPage() {
  const { t } = useTranslation();
  const searches = useSavedSearches();
  const [creating, setCreating] = useState(false);
  const focusById = useFocusAfterRender();
  const title = t('savedSearches.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('savedSearches.intro')}</p>
      {creating ? (
        <SearchForm
          headingId="new-search-heading"
          heading={t('savedSearches.new')}
          initial={{ occupationCodes: [], municipalityCode: null, radiusKm: 25, freeText: null }}
          onDone={() => {
            setCreating(false);
            focusById('new-search-button');
          }}
        />
      ) : (
        <button id="new-search-button" type="button" className="button button-secondary" onClick={() => setCreating(true)}>
          {t('savedSearches.new')}
        </button>
      )}
      <ErrorAlert error={searches.error} />
      {!searches.data ? (
        searches.error ? null : <Loading />
      ) : searches.data.items.length === 0 ? (
        <p>{t('savedSearches.none')}</p>
      ) : (
        searches.data.items.map((s, i) => <SearchCard key={s.id} search={s} number={i + 1} />)
      )}
    </>
  );
}

function SearchCard({ search, number }: { search: SavedSearch; number: number }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateSavedSearch();
  const remove = useDeleteSavedSearch();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const focusById = useFocusAfterRender();
  const headingId = `search-${search.id}`;
  const { id, digestPaused, createdAt: _createdAt, lastDigest, ...criteria } = search;
  const name = t('savedSearches.number', { number });

  return (
    <section className="portal-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p>{describeSearch(criteria, t, i18n.language)}</p>
      <p>{digestPaused ? t('savedSearches.paused') : t('savedSearches.active')}</p>
      {lastDigest ? (
        <>
          <h3>{t('savedSearches.lastDigest', { date: formatInstantDate(lastDigest.at), count: lastDigest.count })}</h3>
          <ul className="portal-list">
            {lastDigest.vacancies.map((v) => (
              <li key={v.id}>
                {v.url ? (
                  <a href={v.url} rel="noopener noreferrer">
                    {v.title}
                  </a>
                ) : (
                  v.title
                )}
                {` – ${v.employerName}, ${municipalityName(v.municipalityCode)}`}
                {v.deadline ? ` (${t('jobMatches.deadline', { date: formatDate(v.deadline) })})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('savedSearches.noDigest')}</p>
      )}
      <ErrorAlert error={update.error && !editing ? update.error : remove.error} />
      {editing ? (
        <SearchForm
          headingId={`edit-${id}`}
          heading={t('savedSearches.editHeading', { name })}
          initial={criteria}
          searchId={id}
          onDone={() => {
            setEditing(false);
            focusById(`edit-button-${id}`);
          }}
        />
      ) : confirming ? (
        <div className="portal-confirm">
          <p id={`confirm-${id}`} tabIndex={-1}>
            {t('savedSearches.confirmDelete', { name })}
          </p>
          <div className="portal-actions">
            <button type="button" className="button button-primary" disabled={remove.isPending} onClick={() => remove.mutate(id, { onSuccess: () => announce(t('savedSearches.deleted', { name })) })}>
              {t('savedSearches.deleteYes')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setConfirming(false);
                focusById(`delete-button-${id}`);
              }}
            >
              {t('savedSearches.deleteNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="portal-actions">
          <button id={`edit-button-${id}`} type="button" className="button button-secondary" aria-describedby={headingId} onClick={() => setEditing(true)}>
            {t('savedSearches.edit')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-describedby={headingId}
            disabled={update.isPending}
            onClick={() => update.mutate({ id, ...criteria, digestPaused: !digestPaused }, { onSuccess: () => announce(digestPaused ? t('savedSearches.resumed') : t('savedSearches.pausedNow')) })}
          >
            {digestPaused ? t('savedSearches.resume') : t('savedSearches.pause')}
          </button>
          <button
            id={`delete-button-${id}`}
            type="button"
            className="button button-secondary"
            aria-describedby={headingId}
            onClick={() => {
              setConfirming(true);
              focusById(`confirm-${id}`);
            }}
          >
            {t('savedSearches.delete')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Create or edit: occupations (added one at a time, removed by unticking), place and radius, words. */
function SearchForm({ headingId, heading, initial, searchId, onDone }: { headingId: string; heading: string; initial: SearchCriteria; searchId?: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateSavedSearch();
  const update = useUpdateSavedSearch();
  const announce = useAnnounce();
  const [codes, setCodes] = useState<string[]>(initial.occupationCodes);
  const [municipality, setMunicipality] = useState(initial.municipalityCode === null ? '' : String(initial.municipalityCode));
  const [radius, setRadius] = useState(String(initial.radiusKm));
  const [words, setWords] = useState(initial.freeText ?? '');
  const [unticked, setUnticked] = useState<string[]>([]);
  const ref = useRef<HTMLHeadingElement>(null);
  const prefix = searchId ? `edit-${searchId}` : 'new';
  const mutation = searchId ? update : create;
  const errors = fieldErrors(mutation.error);
  const occupationError = Object.entries(errors).find(([k]) => k.startsWith('occupationCodes'))?.[1];

  useEffect(() => ref.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: SearchCriteria = {
      occupationCodes: codes.filter((c) => !unticked.includes(c)),
      municipalityCode: municipality ? Number(municipality) : null,
      // A typed value that is not a number goes to the server as is, which names the field.
      radiusKm: radius.trim() === '' ? 0 : Number(radius),
      freeText: words.trim() || null,
    };
    const onSuccess = () => {
      announce(t('savedSearches.savedNow'));
      onDone();
    };
    if (searchId) update.mutate({ id: searchId, ...body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  }

  const title = (code: string) => {
    const o = findOccupation(code);
    return o ? (i18n.language === 'en' ? o.title.en : o.title.da) : code;
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="portal-search-form">
      <h3 id={headingId} ref={ref} tabIndex={-1}>
        {heading}
      </h3>
      <ErrorAlert error={mutation.error} knownFields={[...Object.keys(errors).filter((k) => k.startsWith('occupationCodes')), 'municipalityCode', 'radiusKm', 'freeText']} />
      {codes.length > 0 ? (
        <fieldset>
          <legend className="form-label">{t('savedSearches.occupations')}</legend>
          {codes.map((c) => (
            <Checkbox key={c} id={`${prefix}-occ-${c}`} label={title(c)} checked={!unticked.includes(c)} onChange={(on) => setUnticked(on ? unticked.filter((x) => x !== c) : [...unticked, c])} />
          ))}
        </fieldset>
      ) : null}
      <SelectField
        id={`${prefix}-add-occupation`}
        label={t('savedSearches.addOccupation')}
        hint={t('savedSearches.addOccupationHint')}
        value=""
        onChange={(code) => code && !codes.includes(code) && setCodes([...codes, code])}
        options={occupationOptions(i18n.language)}
        emptyLabel={t('brokering.choose')}
        error={occupationError}
      />
      <SelectField id={`${prefix}-municipality`} label={t('savedSearches.municipality')} value={municipality} onChange={setMunicipality} options={municipalityOptions} emptyLabel={t('portalJobs.search.anywhere')} error={errors.municipalityCode} />
      <TextField id={`${prefix}-radius`} label={t('savedSearches.radius')} hint={t('savedSearches.radiusHint')} value={radius} onChange={setRadius} inputMode="numeric" className="input-width-xs" error={errors.radiusKm} />
      <TextField id={`${prefix}-words`} label={t('portalJobs.words')} hint={t('portalJobs.wordsHint')} value={words} onChange={setWords} maxLength={200} error={errors.freeText} />
      <div className="portal-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('savedSearches.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

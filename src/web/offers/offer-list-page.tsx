import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { OFFER_KINDS, useCreateOffer, useOffers, type NewOffer, type OfferKind } from '../api/offers';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';

const SITUATIONS = ['any', 'notice', 'unemployed'] as const;

/** The catalogue: the organisation's offers, and a form to add one with its eligibility rules. */
export function OfferListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const offers = useOffers();
  const create = useCreateOffer();
  const [kind, setKind] = useState<OfferKind>('job_club');
  const [title, setTitle] = useState('');
  const [trade, setTrade] = useState('');
  const [minAge, setMinAge] = useState('');
  const [maxAge, setMaxAge] = useState('');
  const [segments, setSegments] = useState('');
  const [situation, setSituation] = useState<(typeof SITUATIONS)[number]>('any');
  const [openForReferrals, setOpenForReferrals] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const errors = fieldErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const list = (text: string) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const input: NewOffer = {
      kind,
      title,
      trade: trade.trim() || undefined,
      openForReferrals,
      eligibility: {
        ...(minAge ? { minAge: Number(minAge) } : {}),
        ...(maxAge ? { maxAge: Number(maxAge) } : {}),
        ...(segments.trim() ? { segments: list(segments) } : {}),
        ...(situation !== 'any' ? { situation } : {}),
      },
    };
    create.mutate(input, {
      onSuccess: (offer) => {
        setCreated(offer.title);
        setTitle('');
        setTrade('');
      },
    });
  }

  return (
    <>
      <PageHeading title={t('offers.title')}>{t('offers.title')}</PageHeading>
      {offers.isLoading ? <Loading /> : null}
      {offers.error ? <ErrorAlert error={offers.error} /> : null}
      {offers.data ? (
        offers.data.length === 0 ? (
          <p>{t('offers.none')}</p>
        ) : (
          <table className="table table--zebra table--responsive-headers app-table">
            <caption className="sr-only">{t('offers.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offers.fields.title')}</th>
                <th scope="col">{t('offers.fields.kind')}</th>
                <th scope="col">{t('offers.fields.eligibility')}</th>
                <th scope="col">{t('offers.fields.openSessions')}</th>
              </tr>
            </thead>
            <tbody>
              {offers.data.map((o) => (
                <tr key={o.id}>
                  <td data-title={t('offers.fields.title')}>
                    <Link to="/offers/$id" params={{ id: o.id }}>
                      {o.title}
                    </Link>
                  </td>
                  <td data-title={t('offers.fields.kind')}>{t(`offers.kinds.${o.kind}`)}</td>
                  <td data-title={t('offers.fields.eligibility')}>{describeEligibility(o.eligibility, t)}</td>
                  <td data-title={t('offers.fields.openSessions')}>{o.openSessions ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {can(me, 'offer.manage') ? (
        <section aria-labelledby="new-offer">
          <h2 id="new-offer">{t('offers.create')}</h2>
          {created ? <SuccessAlert>{t('offers.created', { title: created })}</SuccessAlert> : null}
          <ErrorAlert error={create.error} knownFields={['kind', 'title', 'trade', 'eligibility.minAge', 'eligibility.maxAge']} />
          <form onSubmit={submit} noValidate>
            <SelectField id="kind" label={t('offers.fields.kind')} value={kind} onChange={(v) => setKind(v as OfferKind)} options={OFFER_KINDS.map((k) => ({ value: k, label: t(`offers.kinds.${k}`) }))} error={errors.kind} />
            <TextField id="title" label={t('offers.fields.title')} value={title} onChange={setTitle} error={errors.title} required />
            <TextField id="trade" label={t('offers.fields.trade')} hint={t('offers.fields.tradeHint')} value={trade} onChange={setTrade} error={errors.trade} />
            <TextField id="minAge" label={t('offers.fields.minAge')} value={minAge} onChange={setMinAge} inputMode="numeric" error={errors['eligibility.minAge']} className="input-width-xs" />
            <TextField id="maxAge" label={t('offers.fields.maxAge')} value={maxAge} onChange={setMaxAge} inputMode="numeric" error={errors['eligibility.maxAge']} className="input-width-xs" />
            <TextField id="segments" label={t('offers.fields.segments')} hint={t('offers.fields.segmentsHint')} value={segments} onChange={setSegments} />
            <SelectField id="situation" label={t('offers.fields.situation')} value={situation} onChange={(v) => setSituation(v as (typeof SITUATIONS)[number])} options={SITUATIONS.map((s) => ({ value: s, label: t(`offers.situations.${s}`) }))} />
            <div className="form-group">
              <input id="openForReferrals" type="checkbox" className="form-checkbox" checked={openForReferrals} onChange={(e) => setOpenForReferrals(e.target.checked)} />
              <label htmlFor="openForReferrals">{t('offers.fields.openForReferrals')}</label>
            </div>
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('offers.createButton')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export function describeEligibility(e: { minAge?: number; maxAge?: number; segments?: string[]; targetGroups?: string[]; situation?: string }, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts: string[] = [];
  if (e.minAge !== undefined && e.maxAge !== undefined) parts.push(t('offers.rules.ageRange', { min: e.minAge, max: e.maxAge }));
  else if (e.minAge !== undefined) parts.push(t('offers.rules.minAge', { min: e.minAge }));
  else if (e.maxAge !== undefined) parts.push(t('offers.rules.maxAge', { max: e.maxAge }));
  if (e.segments?.length) parts.push(t('offers.rules.segments', { list: e.segments.join(', ') }));
  if (e.targetGroups?.length) parts.push(t('offers.rules.targetGroups', { list: e.targetGroups.join(', ') }));
  if (e.situation && e.situation !== 'any') parts.push(t(`offers.situations.${e.situation}`));
  return parts.length ? parts.join(' · ') : t('offers.rules.everyone');
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_POST_KINDS, useBoardSubscriptions, useSubscribeToBoard, useUnsubscribeFromBoard, type BoardPostKind, type BoardSubscription } from '../api/recruitment-board';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField } from '../components/form-field';
import { Loading } from '../components/loading';
import { useAnnounce } from '../layout/announcer';
import { municipalityName, municipalityOptions } from '../brokering/options';
import { occupationGroupOptions } from './options';

/** The caller's subscriptions: what new posts they are told of by e-mail. */
export function SubscriptionsPanel() {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const subscriptions = useBoardSubscriptions();
  const subscribe = useSubscribeToBoard();
  const unsubscribe = useUnsubscribeFromBoard();
  const [kind, setKind] = useState('');
  const [group, setGroup] = useState('');
  const [municipality, setMunicipality] = useState('');
  const errors = fieldErrors(subscribe.error);

  function describe(s: BoardSubscription): string {
    const parts = [s.kind ? t(`board.kinds.${s.kind}`) : null, s.occupationGroup ? t('board.groupShort', { code: s.occupationGroup }) : null, s.municipalityCode ? municipalityName(s.municipalityCode) : null].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('board.wholeBoard');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    subscribe.mutate(
      { kind: (kind || null) as BoardPostKind | null, occupationGroup: group || null, municipalityCode: municipality ? Number(municipality) : null },
      { onSuccess: (s) => announce(t('board.subscribed', { what: describe(s) })) },
    );
  }

  return (
    <section aria-labelledby="board-subs-heading" className="app-board-panel">
      <h2 id="board-subs-heading">{t('board.subscriptions')}</h2>
      <p>{t('board.subscriptionsIntro')}</p>
      {subscriptions.isLoading ? <Loading /> : null}
      {subscriptions.error ? <ErrorAlert error={subscriptions.error} /> : null}
      {unsubscribe.error ? <ErrorAlert error={unsubscribe.error} /> : null}
      {subscriptions.data ? (
        subscriptions.data.items.length === 0 ? (
          <p>{t('board.noSubscriptions')}</p>
        ) : (
          <ul className="app-board-subs">
            {subscriptions.data.items.map((s) => (
              <li key={s.id}>
                <span id={`sub-${s.id}`}>{describe(s)}</span>{' '}
                <button
                  type="button"
                  className="button button-tertiary"
                  aria-describedby={`sub-${s.id}`}
                  disabled={unsubscribe.isPending}
                  onClick={() => unsubscribe.mutate(s.id, { onSuccess: () => announce(t('board.unsubscribed', { what: describe(s) })) })}
                >
                  {t('board.unsubscribe')}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <form onSubmit={submit} noValidate aria-labelledby="board-subscribe-heading">
        <h3 id="board-subscribe-heading" className="h5">
          {t('board.subscribeTitle')}
        </h3>
        <ErrorAlert error={subscribe.error} knownFields={['kind', 'occupationGroup', 'municipalityCode']} />
        <SelectField id="sub-kind" label={t('board.fields.kind')} value={kind} onChange={setKind} emptyLabel={t('board.allKinds')} options={BOARD_POST_KINDS.map((k) => ({ value: k, label: t(`board.kinds.${k}`) }))} error={errors.kind} />
        <SelectField id="sub-group" label={t('board.fields.occupationGroup')} value={group} onChange={setGroup} emptyLabel={t('board.allOccupations')} options={occupationGroupOptions(i18n.language, (code, titles) => t('board.groupOption', { code, titles }))} error={errors.occupationGroup} />
        <SelectField id="sub-municipality" label={t('board.fields.municipality')} value={municipality} onChange={setMunicipality} emptyLabel={t('board.allMunicipalities')} options={municipalityOptions} error={errors.municipalityCode} />
        <button type="submit" className="button button-secondary" disabled={subscribe.isPending}>
          {t('board.subscribe')}
        </button>
      </form>
    </section>
  );
}

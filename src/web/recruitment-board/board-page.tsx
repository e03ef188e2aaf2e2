import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useEmployers } from '../api/brokering';
import {
  BOARD_CLOSE_REASONS,
  BOARD_POST_KINDS,
  BOARD_SORTS,
  useBoardPosts,
  useCloseBoardPost,
  useCreateBoardPost,
  useReopenBoardPost,
  useUpdateBoardPost,
  type BoardCloseReason,
  type BoardPost,
  type BoardPostKind,
  type BoardQuery,
  type BoardSort,
} from '../api/recruitment-board';
import { ErrorAlert, SuccessAlert, fieldErrors } from '../components/error-alert';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { Pagination } from '../components/pagination';
import { useAnnounce } from '../layout/announcer';
import { copenhagenToday, formatDate, formatDateTime } from '../i18n/format';
import { municipalityName, municipalityOptions, occupationOptions } from '../brokering/options';
import { SubscriptionsPanel } from './subscriptions-panel';
import { occupationGroupOptions } from './options';
import './board.css';

type Filters = { q: string; kind: string; status: BoardQuery['status']; municipality: string; occupation: string; sort: BoardSort };
const EMPTY_FILTERS: Filters = { q: '', kind: '', status: 'open', municipality: '', occupation: '', sort: '-created' };

function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The recruitment board (rekrutteringstavle): what colleagues share, a form to share, and one's subscriptions. */
export function RecruitmentBoardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState<Filters>(EMPTY_FILTERS);
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const [page, setPage] = useState(1);
  const posts = useBoardPosts({
    q: filters.q || undefined,
    kind: (filters.kind || undefined) as BoardPostKind | undefined,
    status: filters.status,
    municipalityCode: filters.municipality ? Number(filters.municipality) : undefined,
    occupation: filters.occupation || undefined,
    sort: filters.sort,
    page,
  });
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  }

  const title = t('board.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="app-board-intro">{t('board.intro')}</p>
      <div className="app-board-layout">
        <div className="app-board-main">
          <form role="search" aria-label={t('board.searchLabel')} onSubmit={apply} className="app-filters" noValidate>
            <TextField id="board-q" type="search" label={t('board.search')} hint={t('board.searchHint')} value={draft.q} onChange={set('q')} />
            <SelectField id="board-kind" label={t('board.fields.kind')} value={draft.kind} onChange={set('kind')} emptyLabel={t('board.allKinds')} options={BOARD_POST_KINDS.map((k) => ({ value: k, label: t(`board.kinds.${k}`) }))} />
            <SelectField id="board-status" label={t('board.fields.status')} value={draft.status} onChange={set('status')} options={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`board.statusFilter.${s}`) }))} />
            <SelectField id="board-municipality" label={t('board.fields.municipality')} value={draft.municipality} onChange={set('municipality')} emptyLabel={t('board.allMunicipalities')} options={municipalityOptions} />
            <SelectField id="board-occupation" label={t('board.fields.occupationGroup')} value={draft.occupation} onChange={set('occupation')} emptyLabel={t('board.allOccupations')} options={occupationGroupOptions(i18n.language, (code, titles) => t('board.groupOption', { code, titles }))} />
            <SelectField id="board-sort" label={t('board.sort')} value={draft.sort} onChange={set('sort')} options={BOARD_SORTS.map((s) => ({ value: s, label: t(`board.sorts.${s}`) }))} />
            <div className="app-filter-submit">
              <button type="submit" className="button button-secondary">
                {t('board.searchButton')}
              </button>
            </div>
          </form>
          {posts.isLoading ? <Loading /> : null}
          {posts.error ? <ErrorAlert error={posts.error} /> : null}
          {posts.data ? (
            <>
              <p className="app-result-count" role="status">
                {t('board.count', { count: posts.data.total })}
              </p>
              {posts.data.items.length > 0 ? (
                <ul className="nobullet-list app-board-posts" aria-label={t('board.listLabel')}>
                  {posts.data.items.map((post) => (
                    <li key={post.id}>
                      <PostCard post={post} />
                    </li>
                  ))}
                </ul>
              ) : null}
              <Pagination page={page} pageSize={posts.data.pageSize} total={posts.data.total} onPage={setPage} label={t('board.paging')} />
            </>
          ) : null}
        </div>
        <div className="app-board-side">
          {can(me, 'board.write') ? <NewPostForm /> : null}
          <SubscriptionsPanel />
        </div>
      </div>
    </>
  );
}

function PostCard({ post }: { post: BoardPost }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const [closing, setClosing] = useState(false);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [editFocusBack, setEditFocusBack] = useState(false);
  useEffect(() => {
    if (editing) document.getElementById(`edit-heading-${post.id}`)?.focus();
    else if (editFocusBack) {
      editButton.current?.focus();
      setEditFocusBack(false);
    }
  }, [editing, editFocusBack, post.id]);
  const [reason, setReason] = useState<BoardCloseReason | ''>('');
  const close = useCloseBoardPost();
  const reopen = useReopenBoardPost();
  const closeButton = useRef<HTMLButtonElement>(null);
  // Opening the close form moves focus into it; cancelling gives it back to the button, once that is rendered again.
  const [focusBack, setFocusBack] = useState(false);
  useEffect(() => {
    if (closing) document.getElementById(`close-reason-${post.id}`)?.focus();
    else if (focusBack) {
      closeButton.current?.focus();
      setFocusBack(false);
    }
  }, [closing, focusBack, post.id]);
  const headingId = `board-post-${post.id}`;
  const errors = fieldErrors(close.error);

  function submitClose(event: FormEvent) {
    event.preventDefault();
    close.mutate(
      { id: post.id, version: post.version, reason: reason as BoardCloseReason },
      {
        onSuccess: () => {
          setClosing(false);
          announce(t('board.closed', { title: post.title }));
        },
      },
    );
  }

  return (
    <article className={post.status === 'closed' ? 'app-board-post app-board-post--closed' : 'app-board-post'} aria-labelledby={headingId}>
      <p className="app-board-kind">
        {t(`board.kinds.${post.kind}`)}
        {post.status === 'closed' ? ` · ${t('board.closedBadge', { reason: t(`board.reasons.${post.closedReason ?? 'other'}`) })}` : post.expired ? ` · ${t('board.expiredBadge')}` : ''}
      </p>
      <h2 id={headingId} className="h4 app-board-title">
        {post.title}
      </h2>
      {post.text ? <p className="app-board-text">{post.text}</p> : null}
      <dl className="app-board-facts">
        {post.employer ? (
          <div>
            <dt>{t('board.fields.employer')}</dt>
            <dd>{post.employer.name}</dd>
          </div>
        ) : null}
        {post.occupationTitle ? (
          <div>
            <dt>{t('board.fields.occupation')}</dt>
            <dd>{i18n.language === 'en' ? post.occupationTitle.en : post.occupationTitle.da}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('board.fields.municipality')}</dt>
          <dd>{municipalityName(post.municipalityCode)}</dd>
        </div>
        <div>
          <dt>{t('board.fields.places')}</dt>
          <dd>{post.places}</dd>
        </div>
        <div>
          <dt>{t('board.fields.expiresOn')}</dt>
          <dd>{formatDate(post.expiresOn)}</dd>
        </div>
        <div>
          <dt>{t('board.fields.sharedBy')}</dt>
          <dd>{post.unitName ? t('board.sharedBy', { name: post.author.name, unit: post.unitName, at: formatDateTime(post.createdAt) }) : t('board.sharedByNoUnit', { name: post.author.name, at: formatDateTime(post.createdAt) })}</dd>
        </div>
      </dl>
      {editing ? (
        <section className="app-board-edit" aria-labelledby={`edit-heading-${post.id}`}>
          <h3 id={`edit-heading-${post.id}`} className="h5" tabIndex={-1}>
            {t('board.editTitle')}
          </h3>
          <PostForm
            post={post}
            onDone={() => {
              setEditing(false);
              setEditFocusBack(true);
            }}
          />
        </section>
      ) : null}
      {post.canEdit && !editing ? (
        <div className="app-board-actions">
          <button ref={editButton} type="button" className="button button-secondary" onClick={() => setEditing(true)} aria-describedby={headingId}>
            {t('board.edit')}
          </button>
          {post.status === 'open' ? (
            closing ? (
              <form onSubmit={submitClose} noValidate aria-label={t('board.closeFormLabel', { title: post.title })}>
                {close.error && !errors.reason ? <ErrorAlert error={close.error} knownFields={['reason']} /> : null}
                <SelectField
                  id={`close-reason-${post.id}`}
                  label={t('board.closeReason')}
                  value={reason}
                  onChange={(v) => setReason(v as BoardCloseReason | '')}
                  emptyLabel={t('board.choose')}
                  options={BOARD_CLOSE_REASONS.map((r) => ({ value: r, label: t(`board.reasons.${r}`) }))}
                  error={errors.reason ?? errors.version}
                  required
                />
                <button type="submit" className="button button-primary" disabled={close.isPending}>
                  {t('board.closeConfirm')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setClosing(false);
                    close.reset();
                    setFocusBack(true);
                  }}
                >
                  {t('common.cancel')}
                </button>
              </form>
            ) : (
              <button ref={closeButton} type="button" className="button button-secondary" onClick={() => setClosing(true)} aria-describedby={headingId}>
                {t('board.close')}
              </button>
            )
          ) : (
            <>
              {reopen.error ? <ErrorAlert error={reopen.error} /> : null}
              <button
                type="button"
                className="button button-secondary"
                aria-describedby={headingId}
                disabled={reopen.isPending}
                onClick={() => reopen.mutate({ id: post.id, version: post.version }, { onSuccess: () => announce(t('board.reopened', { title: post.title })) })}
              >
                {t('board.reopen')}
              </button>
            </>
          )}
        </div>
      ) : null}
    </article>
  );
}

const POST_FIELDS = ['kind', 'title', 'text', 'employerId', 'occupationCode', 'municipalityCode', 'places', 'expiresOn', 'version'];

/**
 * Share a new post, or (with `post`) change one in place. Typed values survive an error, a 409
 * included, so nothing is lost; field ids carry a prefix so an edit form beside the new-post form
 * keeps every id unique.
 */
function PostForm({ post, onDone }: { post?: BoardPost; onDone?: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const create = useCreateBoardPost();
  const update = useUpdateBoardPost();
  const mutation = post ? update : create;
  const employers = useEmployers({ page: 1 });
  const today = copenhagenToday();
  const prefix = post ? `edit-${post.id}-` : '';
  const [kind, setKind] = useState<string>(post?.kind ?? '');
  const [title, setTitle] = useState(post?.title ?? '');
  const [text, setText] = useState(post?.text ?? '');
  const [employerId, setEmployerId] = useState(post?.employer?.id ?? '');
  const [occupation, setOccupation] = useState(post?.occupationCode ?? '');
  const [municipality, setMunicipality] = useState(post ? String(post.municipalityCode) : '');
  const [places, setPlaces] = useState(post ? String(post.places) : '1');
  const [expiresOn, setExpiresOn] = useState(post?.expiresOn ?? addDaysIso(today, 30));
  const [shared, setShared] = useState<string | null>(null);
  const errors = fieldErrors(mutation.error);
  const employerOptions = (employers.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  // The post's employer may be beyond the first page of employers: keep it choosable.
  if (post?.employer && !employerOptions.some((o) => o.value === post.employer!.id)) employerOptions.unshift({ value: post.employer.id, label: post.employer.name });

  function submit(event: FormEvent) {
    event.preventDefault();
    setShared(null);
    const input = {
      kind: kind as BoardPostKind,
      title,
      text,
      employerId: employerId || null,
      occupationCode: occupation || null,
      municipalityCode: municipality ? Number(municipality) : null,
      places: places.trim() === '' ? Number.NaN : Number(places),
      expiresOn,
    };
    if (post) {
      update.mutate(
        { ...input, id: post.id, version: post.version },
        {
          onSuccess: (saved) => {
            announce(t('board.saved', { title: saved.title }));
            onDone?.(true);
          },
        },
      );
      return;
    }
    create.mutate(input, {
      onSuccess: (saved) => {
        setTitle('');
        setText('');
        setEmployerId('');
        setOccupation('');
        setPlaces('1');
        setShared(t('board.shared', { title: saved.title }));
        announce(t('board.shared', { title: saved.title }));
      },
    });
  }

  return (
    <>
      {shared ? <SuccessAlert>{shared}</SuccessAlert> : null}
      <ErrorAlert error={mutation.error} knownFields={POST_FIELDS} />
      <form onSubmit={submit} noValidate aria-label={post ? t('board.editFormLabel', { title: post.title }) : undefined}>
        <RadioGroup id={`${prefix}kind`} legend={t('board.fields.kind')} value={kind} onChange={setKind} options={BOARD_POST_KINDS.map((k) => ({ value: k, label: t(`board.kinds.${k}`) }))} error={errors.kind} required />
        <TextField id={`${prefix}title`} label={t('board.fields.title')} value={title} onChange={setTitle} error={errors.title} required maxLength={200} />
        <TextAreaField id={`${prefix}text`} label={t('board.fields.text')} hint={t('board.textHint')} value={text} onChange={setText} error={errors.text} maxLength={5000} />
        <SelectField id={`${prefix}employerId`} label={t('board.fields.employer')} value={employerId} onChange={setEmployerId} emptyLabel={t('board.noEmployer')} options={employerOptions} error={errors.employerId} />
        <SelectField id={`${prefix}occupationCode`} label={t('board.fields.occupation')} value={occupation} onChange={setOccupation} emptyLabel={t('board.noOccupation')} options={occupationOptions(i18n.language)} error={errors.occupationCode} />
        <SelectField id={`${prefix}municipalityCode`} label={t('board.fields.municipality')} value={municipality} onChange={setMunicipality} emptyLabel={t('board.choose')} options={municipalityOptions} error={errors.municipalityCode} required />
        <TextField id={`${prefix}places`} label={t('board.fields.places')} value={places} onChange={setPlaces} inputMode="numeric" className="input-width-xs" error={errors.places} required />
        <TextField id={`${prefix}expiresOn`} type="date" label={t('board.fields.expiresOn')} value={expiresOn} onChange={setExpiresOn} min={today} error={errors.expiresOn} required />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : post ? t('common.save') : t('board.share')}
        </button>
        {post ? (
          <button type="button" className="button button-secondary" onClick={() => onDone?.(false)}>
            {t('common.cancel')}
          </button>
        ) : null}
      </form>
    </>
  );
}

function NewPostForm() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="board-new-heading" className="app-board-panel">
      <h2 id="board-new-heading">{t('board.newTitle')}</h2>
      <PostForm />
    </section>
  );
}

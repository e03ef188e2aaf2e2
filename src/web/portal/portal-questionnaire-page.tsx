import { useTranslation } from 'react-i18next';
import { usePortalProfiling, useSubmitPortalProfiling } from '../api/portal';
import { QuestionnaireForm } from '../case/profiling-tab';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';

/** The profiling questionnaire before the first talk; the answers land where the caseworker sees them. */
export function PortalQuestionnairePage() {
  const { t } = useTranslation();
  const profiling = usePortalProfiling();
  const submit = useSubmitPortalProfiling();
  return (
    <>
      <PageHeading title={t('portal.questionnaire.title')}>{t('portal.questionnaire.title')}</PageHeading>
      {profiling.error ? <ErrorAlert error={profiling.error} /> : null}
      {profiling.data ? (
        profiling.data.questionnaire ? (
          <QuestionnaireForm key={profiling.data.response?.answeredAt ?? 'new'} questionnaire={profiling.data.questionnaire.definition} profiling={profiling.data} writable={profiling.data.canAnswer} submit={submit} labels={{ submit: t('portal.questionnaire.submit'), saved: t('portal.questionnaire.saved') }} />
        ) : (
          <p>{t('portal.questionnaire.none')}</p>
        )
      ) : profiling.error ? null : (
        <Loading />
      )}
    </>
  );
}

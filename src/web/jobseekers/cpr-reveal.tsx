import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealCpr } from '../api/jobseekers';
import { ErrorAlert } from '../components/error-alert';
import { useAnnounce } from '../layout/announcer';

/**
 * The full CPR number is fetched only on a deliberate press, because every reveal is written
 * to the audit log; hiding it again forgets it.
 */
export function CprReveal({ jobseekerId, masked, allowed }: { jobseekerId: string; masked: string; allowed: boolean }) {
  const { t } = useTranslation();
  const reveal = useRevealCpr(jobseekerId);
  const announce = useAnnounce();
  const [shown, setShown] = useState<string | null>(null);
  return (
    <>
      <span className="app-cpr">{shown ?? masked}</span>
      {allowed ? (
        shown ? (
          <button
            type="button"
            className="button button-tertiary app-inline-button"
            onClick={() => {
              setShown(null);
              announce(t('jobseeker.cprHidden'));
            }}
          >
            {t('jobseeker.hideCpr')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-tertiary app-inline-button"
            disabled={reveal.isPending}
            onClick={() =>
              reveal.mutate(undefined, {
                onSuccess: (data) => {
                  setShown(data.cpr);
                  announce(t('jobseeker.cprShown'));
                },
              })
            }
          >
            {t('jobseeker.revealCpr')}
          </button>
        )
      ) : null}
      {reveal.error ? <ErrorAlert error={reveal.error} /> : null}
    </>
  );
}

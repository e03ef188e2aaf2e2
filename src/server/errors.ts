import type { Language } from './i18n';

/** Error codes the API can answer with; each maps to one HTTP status and one message. */
export const ERROR_CODES = {
  validation_failed: { status: 400, da: 'Nogle felter er ikke udfyldt korrekt.', en: 'Some fields are not filled in correctly.' },
  bad_request: { status: 400, da: 'Forespørgslen kunne ikke forstås.', en: 'The request could not be understood.' },
  unauthenticated: { status: 401, da: 'Du er ikke logget ind.', en: 'You are not logged in.' },
  invalid_credentials: { status: 401, da: 'Forkert e-mail eller adgangskode.', en: 'Wrong e-mail or password.' },
  totp_required: { status: 401, da: 'Indtast koden fra din godkendelses-app.', en: 'Enter the code from your authenticator app.' },
  totp_invalid: { status: 401, da: 'Koden fra godkendelses-appen er forkert.', en: 'The authenticator code is wrong.' },
  account_locked: {
    status: 423,
    da: 'Kontoen er midlertidigt låst efter for mange forkerte forsøg. Prøv igen om lidt.',
    en: 'The account is temporarily locked after too many failed attempts. Try again shortly.',
  },
  portal_code_invalid: {
    status: 401,
    da: 'Koden er forkert eller udløbet. Tjek koden, eller bed om en ny.',
    en: 'The code is wrong or has expired. Check the code, or ask for a new one.',
  },
  portal_choice_expired: {
    status: 401,
    da: 'Valget af, hvor du vil logge ind, er udløbet eller allerede brugt. Log ind med MitID igen.',
    en: 'The choice of where to log in has expired or has already been used. Log in with MitID again.',
  },
  portal_oidc_unavailable: {
    status: 501,
    da: 'Log ind med MitID er ikke sat op her. Log ind med en kode på e-mail eller SMS.',
    en: 'Logging in with MitID is not set up here. Log in with a code by e-mail or text message.',
  },
  too_many_requests: { status: 429, da: 'For mange forsøg. Vent lidt og prøv igen.', en: 'Too many attempts. Wait a little and try again.' },
  csrf_failed: {
    status: 403,
    da: 'Sikkerhedstjekket fejlede. Genindlæs siden og prøv igen.',
    en: 'The security check failed. Reload the page and try again.',
  },
  forbidden: { status: 403, da: 'Du har ikke adgang til denne handling.', en: 'You do not have access to this action.' },
  not_found: { status: 404, da: 'Det findes ikke, eller du har ikke adgang til det.', en: 'It does not exist, or you have no access to it.' },
  jobseeker_cpr_exists: {
    status: 409,
    da: 'Der findes allerede en jobsøgende med dette CPR-nummer i organisationen.',
    en: 'A jobseeker with this CPR number already exists in the organisation.',
  },
  version_conflict: {
    status: 409,
    da: 'Oplysningerne er ændret af en anden i mellemtiden. Genindlæs og prøv igen.',
    en: 'Someone else changed this in the meantime. Reload and try again.',
  },
  spell_active_exists: {
    status: 409,
    da: 'Den jobsøgende har allerede et aktivt forløb. Afslut det først.',
    en: 'The jobseeker already has an active spell. End it first.',
  },
  slot_taken: { status: 409, da: 'Tidspunktet er allerede optaget.', en: 'The time is already taken.' },
  email_exists: { status: 409, da: 'E-mailadressen er allerede i brug.', en: 'The e-mail address is already in use.' },
  survey_link_invalid: {
    status: 404,
    da: 'Linket til spørgeskemaet virker ikke. Tjek, at hele linket fra din SMS eller e-mail er kommet med.',
    en: 'The survey link does not work. Check that the whole link from your text message or e-mail was included.',
  },
  survey_link_expired: {
    status: 404,
    da: 'Linket til spørgeskemaet er udløbet. Et link virker i 14 dage, efter at det er sendt. Tak for din interesse.',
    en: 'The survey link has expired. A link works for 14 days after it was sent. Thank you for your interest.',
  },
  survey_answered: { status: 410, da: 'Du har allerede svaret på spørgeskemaet. Tak for dit svar.', en: 'You have already answered the survey. Thank you for your answer.' },
  survey_already_answered: {
    status: 409,
    da: 'Dit svar er allerede modtaget. Spørgeskemaet kan kun besvares én gang. Tak for dit svar.',
    en: 'Your answer has already been received. The survey can only be answered once. Thank you for your answer.',
  },
  offer_not_eligible: {
    status: 422,
    da: 'Den jobsøgende opfylder ikke betingelserne for tilbuddet.',
    en: 'The jobseeker does not meet the conditions of the offer.',
  },
  offer_already_enrolled: { status: 409, da: 'Den jobsøgende er allerede tilmeldt holdet.', en: 'The jobseeker is already signed up for the session.' },
  session_closed: { status: 422, da: 'Holdet er ikke åbent for tilmelding.', en: 'The session is not open for sign-up.' },
  cancellation_deadline_passed: {
    status: 422,
    da: 'Fristen for afmelding er overskredet. Kontakt din vejleder.',
    en: 'The deadline for cancelling has passed. Contact your adviser.',
  },
  booking_rule_violated: {
    status: 422,
    da: 'Det kan ikke lade sig gøre efter reglerne for selvbooking.',
    en: 'This is not possible under the self-booking rules.',
  },
  unprocessable: { status: 422, da: 'Handlingen kan ikke udføres.', en: 'The action cannot be carried out.' },
  internal: { status: 500, da: 'Der skete en uventet fejl. Prøv igen.', en: 'An unexpected error occurred. Try again.' },
  unavailable: { status: 503, da: 'Tjenesten er ikke klar.', en: 'The service is not ready.' },
} as const satisfies Record<string, { status: number; da: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldMessage = { da: string; en: string };
export type FieldErrors = Record<string, FieldMessage>;

/** The one error type of Jobspor; the HTTP layer turns it into `{ error: { code, message, fields } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  constructor(code: ErrorCode, fields?: FieldErrors) {
    super(code);
    this.code = code;
    this.fields = fields;
  }
}

export function fieldError(field: string, da: string, en: string): AppError {
  return new AppError('validation_failed', { [field]: { da, en } });
}

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

export function renderError(error: AppError, lang: Language): { status: number; body: ErrorBody } {
  const def = ERROR_CODES[error.code];
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v[lang]]))
    : undefined;
  return { status: def.status, body: { error: { code: error.code, message: def[lang], ...(fields ? { fields } : {}) } } };
}

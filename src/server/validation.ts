import type { FastifySchemaCompiler } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Language } from './i18n';
import { AppError, type FieldErrors } from './errors';

/**
 * Messages for our own refinements. A schema refers to one with `message: 'msg:<key>'`, so
 * the text can be given in the language of each request rather than fixed at definition.
 */
const MESSAGES: Record<string, { da: string; en: string }> = {
  cpr_format: { da: 'CPR-nummeret skal have 10 cifre, fx 010190-1234.', en: 'The CPR number must have 10 digits, e.g. 010190-1234.' },
  cpr_date: {
    da: 'CPR-nummerets fødselsdato findes ikke. Tjek de første 6 cifre.',
    en: 'The birth date in the CPR number does not exist. Check the first 6 digits.',
  },
  phone: { da: 'Telefonnummeret skal have 8 cifre, eller + og landekode.', en: 'The phone number must have 8 digits, or + and a country code.' },
  email: { da: 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.', en: 'Enter a valid e-mail address, e.g. name@example.com.' },
  required: { da: 'Feltet skal udfyldes.', en: 'This field is required.' },
  municipality: { da: 'Vælg en af de 98 kommuner.', en: 'Choose one of the 98 municipalities.' },
  postal_code: { da: 'Postnummeret skal have 4 cifre.', en: 'The postal code must have 4 digits.' },
  education_level: { da: 'Vælg et uddannelsesniveau fra listen.', en: 'Choose an education level from the list.' },
  language: { da: 'Vælg et sprog fra listen.', en: 'Choose a language from the list.' },
  date: { da: 'Skriv en dato som ÅÅÅÅ-MM-DD.', en: 'Enter a date as YYYY-MM-DD.' },
  uuid: { da: 'Ugyldigt id.', en: 'Invalid id.' },
  vacancy_source: { da: 'Kilden skrives med bogstaver, tal, punktum, bindestreg eller understreg, fx jobnet.', en: 'Write the source with letters, digits, dots, hyphens or underscores, e.g. jobnet.' },
  password_length: { da: 'Adgangskoden skal have mindst 12 tegn.', en: 'The password must have at least 12 characters.' },
  totp_code: { da: 'Koden skal have 6 cifre.', en: 'The code must have 6 digits.' },
  month: { da: 'Skriv måneden som ÅÅÅÅ-MM.', en: 'Enter the month as YYYY-MM.' },
  hours: { da: 'Timetallet skal være mellem 0 og 744.', en: 'The hours must be between 0 and 744.' },
  portal_one_recipient: { da: 'Skriv enten en e-mailadresse eller et telefonnummer, ikke begge.', en: 'Enter either an e-mail address or a phone number, not both.' },
  portal_choice: { da: 'Vælg, hvor du vil logge ind.', en: 'Choose where you want to log in.' },
  portal_recipient: { da: 'Skriv den e-mailadresse eller det telefonnummer, koden blev sendt til.', en: 'Enter the e-mail address or phone number the code was sent to.' },
  datetime: { da: 'Skriv tidspunktet som dato og klokkeslæt.', en: 'Enter the time as a date and a time of day.' },
  cvr_format: { da: 'CVR-nummeret skal have 8 cifre, fx 13748136.', en: 'The CVR number must have 8 digits, e.g. 13748136.' },
  cvr_checksum: { da: 'CVR-nummeret findes ikke (kontrolcifferet passer ikke). Tjek cifrene.', en: 'The CVR number does not exist (the check digit does not match). Check the digits.' },
  pnumber_format: { da: 'P-nummeret skal have 10 cifre.', en: 'The P-number must have 10 digits.' },
  occupation: { da: 'Vælg en stilling (DISCO-08) fra listen.', en: 'Choose an occupation (DISCO-08) from the list.' },
  radius_km: { da: 'Afstanden skal være et helt antal km fra 0 til 300.', en: 'The distance must be a whole number of km from 0 to 300.' },
  time: { da: 'Skriv klokkeslættet som TT:MM, fx 09:30.', en: 'Enter the time of day as HH:MM, e.g. 09:30.' },
  occupation_group: { da: 'Vælg en faggruppe (DISCO-08, 3 cifre) fra listen.', en: 'Choose an occupation group (DISCO-08, 3 digits) from the list.' },
  board_kind: { da: 'Vælg typen: ledig stilling, rekrutteringsbehov eller praktikplads.', en: 'Choose the type: opening, labour need or internship place.' },
  board_places: { da: 'Antal pladser skal være et helt tal mellem 1 og 999.', en: 'The number of places must be a whole number from 1 to 999.' },
  board_close_reason: { da: 'Vælg en grund til at lukke opslaget.', en: 'Choose a reason for closing the post.' },
};

/** For a value of the wrong type (given, but not what the field takes), by the type the field expects. */
const WRONG_TYPE: Record<string, { da: string; en: string }> = {
  number: { da: 'Skriv et tal.', en: 'Enter a number.' },
  int: { da: 'Skriv et helt tal.', en: 'Enter a whole number.' },
  boolean: { da: 'Vælg ja eller nej.', en: 'Choose yes or no.' },
  string: { da: 'Skriv en tekst.', en: 'Enter a text.' },
  array: { da: 'Feltet skal være en liste.', en: 'This field must be a list.' },
  object: { da: 'Feltet har ikke den rigtige form.', en: 'This field does not have the right form.' },
};
const WRONG_VALUE = { da: 'Værdien kan ikke bruges her.', en: 'This value cannot be used here.' };

export function msg(key: keyof typeof MESSAGES & string): string {
  return `msg:${key}`;
}

const locales = { da: z.locales.da(), en: z.locales.en() } as const;

type Issue = z.core.$ZodIssue;

/** The value at an issue's path in the data that was checked (undefined when the field was left out). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * `given` says whether the field had a value: zod leaves the input out of its issues (and we do
 * not ask for it, so no CPR number ends up in an error object), so "missing" and "wrong type"
 * are told apart from the data checked.
 */
export function issueMessage(issue: Issue, lang: Language, given = false): string {
  if (issue.message?.startsWith('msg:')) {
    const known = MESSAGES[issue.message.slice(4)];
    if (known) return known[lang];
  }
  if (issue.code === 'invalid_type') {
    if (!given) return MESSAGES.required![lang];
    return (WRONG_TYPE[issue.expected] ?? WRONG_VALUE)[lang];
  }
  const formatted = locales[lang].localeError?.(issue as never);
  if (typeof formatted === 'string') return formatted;
  if (formatted && typeof formatted === 'object' && 'message' in formatted) return String(formatted.message);
  return issue.message;
}

/** A request whose body, query or params failed validation. */
export class RequestValidationError extends Error {
  readonly issues: Issue[];
  readonly part: string;
  /** Per issue, whether its field had a value (the values themselves are not kept). */
  private readonly given: boolean[];
  constructor(issues: Issue[], part: string, data?: unknown) {
    super('validation_failed');
    this.issues = issues;
    this.part = part;
    this.given = issues.map((issue) => valueAt(data, issue.path) !== undefined);
  }
  toAppError(): AppError {
    const fields: FieldErrors = {};
    for (const [i, issue] of this.issues.entries()) {
      const key = issue.path.length ? issue.path.join('.') : this.part;
      if (fields[key]) continue;
      fields[key] = { da: issueMessage(issue, 'da', this.given[i]), en: issueMessage(issue, 'en', this.given[i]) };
    }
    return new AppError('validation_failed', fields);
  }
}

export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body', data) };
  };

/** Parse with a schema inside a service, turning failures into the same field errors. */
export function parseOrThrow<T extends ZodType>(schema: T, data: unknown, part = 'body'): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new RequestValidationError(result.error.issues, part, data).toAppError();
  return result.data;
}

import { createHash, randomBytes } from 'node:crypto';
import { shortCodeFromBytes } from '../../core/surveys/delivery';

let linkBase = 'http://localhost:3000';

/** The public address survey links start with (JOBSPOR_PUBLIC_URL); set once when the app is built. */
export function setSurveyLinkBase(url: string): void {
  linkBase = url.replace(/\/+$/, '');
}

export function surveyLink(code: string): string {
  return `${linkBase}/s/${code}`;
}

/** A random 128-bit token, 22 characters of base64url. */
export function newSurveyToken(): string {
  return randomBytes(16).toString('base64url');
}

export function newShortCode(): string {
  for (;;) {
    const code = shortCodeFromBytes(randomBytes(16));
    if (code) return code;
  }
}

/** Links are stored only as this hash. */
export function hashSurveyCode(code: string): string {
  return createHash('sha256').update(`survey-link:${code}`).digest('hex');
}

/** The rate limit keys on a hash of the address, so the table holds no addresses. */
export function hashSource(address: string): string {
  return createHash('sha256').update(`survey-source:${address}`).digest('hex');
}

/** A link into the app from a message sent out (e-mail, SMS): the same public address as survey links. */
export function appLink(path: string): string {
  return `${linkBase}${path.startsWith('/') ? path : `/${path}`}`;
}

import { z } from 'zod';
import type { Label } from './label';

// Languages most used by jobseekers in Denmark (ISO 639-1), for preferred language and CV
// language skills. Danish first, then English, then by how often they occur.
export const LANGUAGE_CODES = [
  'da',
  'en',
  'de',
  'sv',
  'no',
  'pl',
  'ro',
  'lt',
  'lv',
  'bg',
  'uk',
  'ru',
  'ar',
  'tr',
  'ku',
  'fa',
  'ps',
  'ur',
  'so',
  'ti',
  'es',
  'fr',
  'it',
  'vi',
  'th',
  'tl',
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];
export const ZLanguageCode = z.enum(LANGUAGE_CODES);

export type LanguageInfo = { code: LanguageCode; label: Label };

const INFO: Record<LanguageCode, Label> = {
  da: { da: 'Dansk', en: 'Danish' },
  en: { da: 'Engelsk', en: 'English' },
  de: { da: 'Tysk', en: 'German' },
  sv: { da: 'Svensk', en: 'Swedish' },
  no: { da: 'Norsk', en: 'Norwegian' },
  pl: { da: 'Polsk', en: 'Polish' },
  ro: { da: 'Rumænsk', en: 'Romanian' },
  lt: { da: 'Litauisk', en: 'Lithuanian' },
  lv: { da: 'Lettisk', en: 'Latvian' },
  bg: { da: 'Bulgarsk', en: 'Bulgarian' },
  uk: { da: 'Ukrainsk', en: 'Ukrainian' },
  ru: { da: 'Russisk', en: 'Russian' },
  ar: { da: 'Arabisk', en: 'Arabic' },
  tr: { da: 'Tyrkisk', en: 'Turkish' },
  ku: { da: 'Kurdisk', en: 'Kurdish' },
  fa: { da: 'Persisk (farsi)', en: 'Persian (Farsi)' },
  ps: { da: 'Pashto', en: 'Pashto' },
  ur: { da: 'Urdu', en: 'Urdu' },
  so: { da: 'Somali', en: 'Somali' },
  ti: { da: 'Tigrinya', en: 'Tigrinya' },
  es: { da: 'Spansk', en: 'Spanish' },
  fr: { da: 'Fransk', en: 'French' },
  it: { da: 'Italiensk', en: 'Italian' },
  vi: { da: 'Vietnamesisk', en: 'Vietnamese' },
  th: { da: 'Thai', en: 'Thai' },
  tl: { da: 'Tagalog (filippinsk)', en: 'Tagalog (Filipino)' },
};

export const LANGUAGES: readonly LanguageInfo[] = LANGUAGE_CODES.map((code) => ({ code, label: INFO[code] }));

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && Object.hasOwn(INFO, value);
}

export function findLanguage(code: string): LanguageInfo | undefined {
  return isLanguageCode(code) ? { code, label: INFO[code] } : undefined;
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import da from './da.json';
import en from './en.json';

export type Language = 'da' | 'en';
export const LANGUAGES: readonly Language[] = ['da', 'en'];

const STORAGE_KEY = 'jobspor.lang';

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'da' || stored === 'en') return stored;
  } catch {
    // Storage can be blocked; Danish is the default anyway.
  }
  const cookie = /(?:^|;\s*)lang=(da|en)\b/.exec(document.cookie);
  return (cookie?.[1] as Language | undefined) ?? 'da';
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  setApiLanguage(language, i18next.t('errors.network'));
}

export async function initI18n(): Promise<void> {
  const language = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: language,
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(language);
}

/** Switches the language and remembers it: the server reads the cookie, the app reads storage. */
export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.cookie = `lang=${language}; path=/; max-age=${60 * 60 * 24 * 365}; SameSite=Strict`;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not fatal: the cookie still carries the choice.
  }
  applyLanguage(language);
}

export { i18next };

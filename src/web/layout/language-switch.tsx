import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** Each language is named in itself, and marked with its own lang so it is read out right. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="app-language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language: Language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="button button-tertiary"
          aria-pressed={i18n.language === language}
          onClick={() => void setLanguage(language)}
        >
          {t(`language.${language}`, { lng: language })}
        </button>
      ))}
    </div>
  );
}

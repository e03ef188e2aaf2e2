import { useTranslation } from 'react-i18next';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skipnav"
      href="#main-content"
      onClick={(event) => {
        // Move focus without letting the router treat the hash as a navigation.
        event.preventDefault();
        document.getElementById('main-content')?.focus();
      }}
    >
      {t('layout.skipLink')}
    </a>
  );
}

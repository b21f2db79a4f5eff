import { useTranslation } from 'react-i18next';
import type { Locale } from '@sht/domain';

/** The current UI language as one of the two supported locales (re-renders on change). */
export function useLanguage(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

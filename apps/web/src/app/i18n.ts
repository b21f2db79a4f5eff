import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { Locale } from '@sht/domain';
import { setClientMessages, setRequestLanguage } from '../api/http-client';
import { zhCN } from './locales/zh-CN';
import { en } from './locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

const STORAGE_KEY = 'sht.language';

function storedLanguage(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

// Everything outside React that depends on the UI language follows it from here; runs before
// i18next announces the change so re-rendered dates and refetches already use the new language.
function applyLanguage(language: Locale): void {
  setRequestLanguage(language);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
}

function applyClientMessages(): void {
  setClientMessages({
    network: i18next.t('common.networkError'),
    unknown: i18next.t('common.unknownError'),
  });
}

export function initI18n(): typeof i18next {
  const language = storedLanguage();
  applyLanguage(language);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
  });
  applyClientMessages();
  return i18next;
}

export function currentLanguage(): Locale {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

export async function changeLanguage(language: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyLanguage(language);
  await i18next.changeLanguage(language);
  applyClientMessages();
}

import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '@sht/domain';
import { useLanguage } from '../../shared/use-language';
import { changeLanguage } from '../i18n';

/** 中文 / English; the choice is kept in localStorage and sent to the server on every request. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Segmented<Locale>
      size="small"
      value={language}
      aria-label={t('header.language')}
      data-testid="lang-switch"
      options={locales.map((value) => ({
        value,
        label: <span data-testid={`lang-${value}`}>{t(`lang.${value}`)}</span>,
      }))}
      onChange={(value) => void changeLanguage(value)}
    />
  );
}

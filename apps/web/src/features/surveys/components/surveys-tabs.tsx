import { useLocation, useNavigate } from 'react-router';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';

/** Campaigns | templates: two pages under /surveys, switched like tabs. */
export function SurveysTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const active = useLocation().pathname.startsWith('/surveys/templates') ? 'templates' : 'campaigns';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key === 'templates' ? '/surveys/templates' : '/surveys')}
      items={[
        { key: 'campaigns', label: <span data-testid="surveys-tab-campaigns">{t('surveys.tabs.campaigns')}</span> },
        { key: 'templates', label: <span data-testid="surveys-tab-templates">{t('surveys.tabs.templates')}</span> },
      ]}
    />
  );
}

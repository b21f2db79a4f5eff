import { Card, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/use-me';
import { RoleTags } from '../../users/components/role-tags';
import { useLanguage } from '../../../shared/use-language';

export function WelcomeCard() {
  const { t } = useTranslation();
  const me = useSession();
  const language = useLanguage();
  const today = dayjs().format(language === 'en' ? 'dddd, D MMMM YYYY' : 'YYYY年M月D日 dddd');
  return (
    <Card data-testid="welcome-card">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('dashboard.welcome', { name: me.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dashboard.today', { date: today })}</Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'org', label: t('dashboard.org'), children: me.orgName },
          { key: 'roles', label: t('dashboard.roles'), children: <RoleTags roles={me.roles} /> },
        ]}
      />
    </Card>
  );
}

import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/layout/language-switch';
import { useLogout, useSession } from '../../auth/hooks/use-me';
import { ChangePasswordForm } from '../components/change-password-form';

/** First login or an admin reset: nothing else opens until the password is changed. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const logout = useLogout();

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card
        style={{ width: '100%', maxWidth: 460 }}
        title={t('account.changePassword')}
        extra={<LanguageSwitch />}
        data-testid="forced-password-page"
      >
        <Typography.Paragraph>
          {me.name} · {me.orgName}
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={t('account.mustChange')} style={{ marginBottom: 16 }} />
        <ChangePasswordForm onChanged={() => navigate('/dashboard', { replace: true })} />
        <Button
          type="link"
          style={{ paddingInline: 0, marginTop: 8 }}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
          data-testid="logout"
        >
          {t('header.logout')}
        </Button>
      </Card>
    </Flex>
  );
}

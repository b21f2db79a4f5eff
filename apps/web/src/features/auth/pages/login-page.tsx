import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { loginSchema } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { LanguageSwitch } from '../../../app/layout/language-switch';
import { FullPageSpin } from '../../../app/layout/full-page-spin';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { useLogin, useMeQuery } from '../hooks/use-me';
import { clearSessionExpired, isSessionExpired } from '../session-expiry';
import { CHANGE_PASSWORD_PATH } from '../components/require-auth';
import './login-page.css';

type LoginValues = { username: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/dashboard';
  const me = useMeQuery();
  const loginMutation = useLogin();
  const [expired] = useState(isSessionExpired);
  useEffect(() => clearSessionExpired(), []);
  const [error, setError] = useState<string | null>(null);

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !loginMutation.isPending) return <Navigate to={from} replace />;

  const onFinish = (values: LoginValues) => {
    setError(null);
    loginMutation.mutate(values, {
      onSuccess: (user) => navigate(user.mustChangePassword ? CHANGE_PASSWORD_PATH : from, { replace: true }),
      onError: (err) => setError(toApiError(err, t('common.networkError')).message),
    });
  };

  return (
    <div className="sht-login">
      <div className="sht-login__lang">
        <LanguageSwitch />
      </div>
      <Card className="sht-login__card" variant="borderless">
        <div className="sht-login__brand">
          <div className="sht-login__logo">售</div>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="login-title">
            {t('common.appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('common.appSlogan')}</Typography.Text>
        </div>
        {expired && !error && <Alert type="info" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />}
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginValues> name="login" layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[requiredRule(), schemaRule(loginSchema.shape.username)]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('auth.usernamePlaceholder')}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[requiredRule()]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('auth.passwordPlaceholder')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loginMutation.isPending} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

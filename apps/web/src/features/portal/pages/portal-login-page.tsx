import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { portalLoginSchema, requestOtpSchema } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { FullPageSpin } from '../../../app/layout/full-page-spin';
import { LanguageSwitch } from '../../../app/layout/language-switch';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { portalApi } from '../portal.api';
import { usePortalLogin, usePortalMe } from '../hooks/use-portal';
import '../../auth/pages/login-page.css';
import '../portal.css';

type Values = { phone: string; code: string };

/** 验证码登录: phone, "send code", then the six digits from the SMS. */
export function PortalLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/portal';
  const [form] = Form.useForm<Values>();
  const me = usePortalMe();
  const login = usePortalLogin();
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) return <Navigate to={from} replace />;

  const sendCode = async () => {
    setError(null);
    const phone = await form.validateFields(['phone']).then((v) => v.phone, () => null);
    if (!phone) return;
    setSending(true);
    try {
      const sent = await portalApi.requestOtp(phone);
      setInfo(t('portal.codeSent'));
      setWait(sent.resendAfterSeconds);
    } catch (err) {
      setError(toApiError(err, t('common.networkError')).message);
    } finally {
      setSending(false);
    }
  };

  const onFinish = (values: Values) => {
    setError(null);
    login.mutate(values, {
      onSuccess: () => void navigate(from, { replace: true }),
      onError: (err) => setError(toApiError(err, t('common.networkError')).message),
    });
  };

  return (
    <div className="sht-login sht-portal-login">
      <div className="sht-login__lang">
        <LanguageSwitch />
      </div>
      <Card className="sht-login__card" variant="borderless">
        <div className="sht-login__brand">
          <div className="sht-login__logo">售</div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="portal-login-title">{t('portal.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('portal.subtitle')}</Typography.Text>
        </div>
        {info && !error && <Alert type="info" showIcon title={info} style={{ marginBottom: 16 }} data-testid="portal-code-sent" />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="portal-login-error" />}
        <Form<Values> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="phone" label={t('portal.phone')} rules={[requiredRule(), schemaRule(requestOtpSchema.shape.phone, { message: t('portal.phoneInvalid') })]}>
            <Input prefix={<MobileOutlined />} inputMode="tel" autoComplete="tel" placeholder={t('portal.phonePlaceholder')} data-testid="portal-phone" />
          </Form.Item>
          <Form.Item label={t('portal.code')} required={false}>
            <div style={{ display: 'flex', gap: 8 }}>
              <Form.Item name="code" noStyle rules={[requiredRule(), schemaRule(portalLoginSchema.shape.code, { message: t('portal.codeInvalid') })]}>
                <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t('portal.codePlaceholder')} data-testid="portal-code" />
              </Form.Item>
              <Button onClick={() => void sendCode()} loading={sending} disabled={wait > 0} data-testid="portal-send-code">
                {wait > 0 ? t('portal.resendIn', { seconds: wait }) : t('portal.sendCode')}
              </Button>
            </div>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="portal-login-submit">
            {t('portal.login')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

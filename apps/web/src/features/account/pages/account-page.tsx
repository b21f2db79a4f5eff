import { Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/use-me';
import { RoleTags } from '../../users/components/role-tags';
import { PageHeader } from '../../../shared/page-header';
import { ApiTokensCard } from '../components/api-tokens-card';
import { ChangePasswordForm } from '../components/change-password-form';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('account.profile')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('users.fields.username'), children: me.username },
                { key: 'name', label: t('users.fields.name'), children: me.name },
                { key: 'org', label: t('users.fields.org'), children: me.orgName },
                { key: 'roles', label: t('users.fields.roles'), children: <RoleTags roles={me.roles} /> },
              ]}
            />
          </Card>
          <Card title={t('account.changePassword')}>
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <ApiTokensCard />
        </Col>
      </Row>
    </>
  );
}

import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PhoneOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../../shared/page-header';
import { testId } from '../../../shared/test-id';
import { useRunAction } from '../../../shared/use-run-action';
import { useCan } from '../../auth/hooks/use-me';
import { CustomerUnits } from '../../equipment/components/customer-units';
import { regionText } from '../customer-form.utils';
import { CustomerFormModal } from '../components/customer-form-modal';
import { CustomerGradeTag } from '../components/customer-grade-tag';
import { CustomerPrintSheet } from '../components/customer-print-sheet';
import { useCustomer, useCustomerMutations } from '../hooks/use-customers';
import '../customers.css';
import { RecordWorkOrders } from '../../workorders/components/record-work-orders';
import { RecordQueryState } from '../../../shared/record-query-state';

// Sections of what hangs off the customer; all but the units (equipment) are not built yet.
const sections = ['equipment', 'orders', 'followUps', 'surveys'] as const;

/** The 360° view of one customer: who, where, how to reach them, and (later) everything they own and asked for. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useCustomer(id);

  return (
    <RecordQueryState query={query} notFound={t('customers.notFound')} back={{ to: '/customers', label: t('customers.back') }}>
      {(customer) => <CustomerView customer={customer} />}
    </RecordQueryState>
  );
}

function CustomerView({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const can = useCan();
  const run = useRunAction();
  const { setActive } = useCustomerMutations();
  const [editing, setEditing] = useState(false);
  const canWrite = can('customer.write');
  const a = customer.address;

  const actions = (
    <>
      <Link to="/customers">
        <Button icon={<ArrowLeftOutlined />}>{t('customers.back')}</Button>
      </Link>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="customer-print-button">
        {t('customers.print')}
      </Button>
      {canWrite && (
        <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
          {t('common.edit')}
        </Button>
      )}
      {canWrite && (
        <Popconfirm
          title={customer.isActive ? t('customers.deactivateConfirm', { name: customer.name }) : t('customers.activateConfirm', { name: customer.name })}
          onConfirm={() =>
            run(
              setActive.mutateAsync({ id: customer.id, active: !customer.isActive }),
              customer.isActive ? t('customers.deactivated') : t('customers.activated'),
            )
          }
          okButtonProps={testId('confirm-ok')}
        >
          <Button danger={customer.isActive} data-testid={customer.isActive ? 'customer-deactivate' : 'customer-activate'}>
            {customer.isActive ? t('customers.deactivate') : t('customers.activate')}
          </Button>
        </Popconfirm>
      )}
    </>
  );

  return (
    <div data-testid="customer-page">
      <PageHeader
        title={
          <Space wrap size={8}>
            <span data-testid="customer-name">{customer.name}</span>
            <CustomerGradeTag grade={customer.grade} />
            {!customer.isActive && <Tag>{t('common.inactive')}</Tag>}
          </Space>
        }
        extra={actions}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('customers.basicInfo')} size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('customers.fields.kind')}>{t(`customers.kind.${customer.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('customers.fields.source')}>{t(`customers.source.${customer.source}`)}</Descriptions.Item>
              <Descriptions.Item label={t('customers.fields.grade')}>
                {customer.grade ? t(`customers.gradeHint.${customer.grade}`) : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.fields.org')}>{customer.orgName}</Descriptions.Item>
              <Descriptions.Item label={t('customers.fields.address')} span={{ xs: 1, sm: 2 }}>
                {a ? [regionText([a.provinceName, a.cityName, a.countyName]), a.detail].filter(Boolean).join(' ') : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.fields.tags')} span={{ xs: 1, sm: 2 }}>
                {customer.tags.length > 0 ? customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.fields.notes')} span={{ xs: 1, sm: 2 }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{customer.notes || t('common.none')}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.fields.createdAt')}>{formatDateTime(customer.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('customers.fields.updatedAt')}>{formatDateTime(customer.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('customers.fields.contacts')} size="small" data-testid="customer-contacts">
            {customer.contacts.map((c) => (
              <div key={c.id} className="sht-contact">
                <Space wrap size={6}>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  {c.title && <Typography.Text type="secondary">{c.title}</Typography.Text>}
                  {c.isPrimary && <Tag color="blue">{t('customers.fields.isPrimary')}</Tag>}
                </Space>
                <div>
                  {c.phones.map((phone) => (
                    <a key={phone} href={`tel:${phone.replace(/[^\d+]/g, '')}`} className="sht-contact__phone">
                      <PhoneOutlined /> {phone}
                    </a>
                  ))}
                </div>
              </div>
            ))}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small">
            <Tabs
              items={sections.map((s) => ({
                key: s,
                label: t(`customers.sections.${s}`),
                children: s === 'equipment' && can('equipment.read') ? (
                  <CustomerUnits customer={customer} />
                ) : s === 'orders' && can('workorder.read') ? (
                  <div data-testid="customer-section-orders">
                    <RecordWorkOrders customerId={customer.id} />
                  </div>
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      <>
                        <div>{t('customers.moduleNotEnabled')}</div>
                        <Typography.Text type="secondary">
                          {t('customers.moduleNotEnabledHint', { section: t(`customers.sections.${s}`) })}
                        </Typography.Text>
                      </>
                    }
                    data-testid={`customer-section-${s}`}
                  />
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <CustomerFormModal open={editing} customer={customer} onClose={() => setEditing(false)} />
      <CustomerPrintSheet customer={customer} />
    </div>
  );
}

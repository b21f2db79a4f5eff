import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Equipment } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../../shared/page-header';
import { AttachmentsCard } from '../../attachments/components/attachments-card';
import { useCan } from '../../auth/hooks/use-me';
import { ContractsCard } from '../components/contracts-card';
import { EquipmentFormModal } from '../components/equipment-form-modal';
import { EquipmentStatusTag } from '../components/equipment-status-tag';
import { HistoryCard, OrdersCard } from '../components/history-card';
import { ReadingsCard } from '../components/readings-card';
import { TransfersCard } from '../components/transfers-card';
import { WarrantyCard } from '../components/warranty-card';
import { useEquipment } from '../hooks/use-equipment';
import '../equipment.css';
import { RecordQueryState } from '../../../shared/record-query-state';

/** One sold unit: who owns it and where, its 三包 status with reasons, and its history. */
export function EquipmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useEquipment(id);

  return (
    <RecordQueryState query={query} notFound={t('equipment.notFound')} back={{ to: '/equipment', label: t('equipment.back') }}>
      {(unit) => <EquipmentView unit={unit} />}
    </RecordQueryState>
  );
}

function EquipmentView({ unit }: { unit: Equipment }) {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('equipment.write');
  const [editing, setEditing] = useState(false);
  const none = t('common.none');
  const meterUnit = t(`equipment.meterUnit.${unit.meterKind}`);

  return (
    <div data-testid="equipment-page" className="sht-equipment-page">
      <PageHeader
        title={
          <Space wrap size={8}>
            <span data-testid="equipment-serial">{unit.serialNo}</span>
            <EquipmentStatusTag status={unit.status} />
          </Space>
        }
        extra={
          <>
            <Link to="/equipment">
              <Button icon={<ArrowLeftOutlined />}>{t('equipment.back')}</Button>
            </Link>
            {canWrite && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="equipment-edit">
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('equipment.sections.basic')} data-testid="equipment-basic">
            <Descriptions column={{ xs: 1, sm: 2, xl: 1, xxl: 2 }} size="small">
              <Descriptions.Item label={t('equipment.fields.model')}>
                <span data-testid="equipment-model">{unit.modelName}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.category')}>{unit.categoryName}</Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.customer')}>
                <Link to={`/customers/${unit.customerId}`} data-testid="equipment-owner">
                  {unit.customerName}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.org')}>{unit.orgName}</Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.site')} span={{ xs: 1, sm: 2, xl: 1, xxl: 2 }}>
                {unit.site?.address ?? none}
              </Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.saleDate')}>
                <span data-testid="equipment-sale-date">{unit.saleDate}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.deliveryDate')}>{unit.deliveryDate ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.installationDate')}>{unit.installationDate ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.acceptanceDate')}>{unit.acceptanceDate ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.outlet')}>{unit.outletOrgName ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.warrantyStartEvent')}>
                {unit.warrantyStartEvent ? t(`equipment.startEvent.${unit.warrantyStartEvent}`) : t('equipment.policyDefault')}
              </Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.latestReading')}>
                {unit.latestReading ? `${unit.latestReading.value} ${meterUnit}（${unit.latestReading.date}）` : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.notes')} span={{ xs: 1, sm: 2, xl: 1, xxl: 2 }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{unit.notes || none}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.createdAt')}>{formatDateTime(unit.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('equipment.fields.updatedAt')}>{formatDateTime(unit.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <WarrantyCard key={unit.id} unitId={unit.id} />
        </Col>
        <Col span={24}>
          <AttachmentsCard ownerType="equipment" ownerId={unit.id} purposes={['invoice', 'warranty_card', 'photo', 'document']} canWrite={canWrite} />
        </Col>
        <Col xs={24} lg={12}>
          <ReadingsCard unit={unit} canWrite={canWrite} />
        </Col>
        <Col xs={24} lg={12}>
          <TransfersCard unit={unit} canWrite={canWrite} />
        </Col>
        <Col span={24}>
          <ContractsCard unit={unit} canWrite={canWrite} />
        </Col>
        <Col xs={24} lg={12}>
          <HistoryCard unit={unit} />
        </Col>
        <Col xs={24} lg={12}>
          <OrdersCard unitId={unit.id} />
        </Col>
      </Row>
      <EquipmentFormModal open={editing} unit={unit} onClose={() => setEditing(false)} />
    </div>
  );
}

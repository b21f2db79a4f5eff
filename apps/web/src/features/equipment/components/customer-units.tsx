import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, List, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/hooks/use-me';
import { equipmentApi, type EquipmentListParams } from '../equipment.api';
import { equipmentKeys } from '../hooks/use-equipment';
import { EquipmentFormModal } from './equipment-form-modal';
import { EquipmentStatusTag } from './equipment-status-tag';
import '../equipment.css';

const PAGE_SIZE = 20;

/** The units a customer owns, on the customer's page; each opens its unit page (warranty, history). */
export function CustomerUnits({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const params: EquipmentListParams = { customerId: customer.id, page: 1, pageSize: PAGE_SIZE, sort: 'saleDate', order: 'desc' };
  const units = useQuery({ queryKey: equipmentKeys.list(params), queryFn: ({ signal }) => equipmentApi.list(params, signal) });
  const total = units.data?.total ?? 0;

  return (
    <div className="sht-customer-units" data-testid="customer-section-equipment">
      {can('equipment.write') && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 8 }} data-testid="customer-unit-create">
          {t('equipment.create')}
        </Button>
      )}
      <List
        size="small"
        loading={units.isPending}
        dataSource={units.data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: t('equipment.customerUnits.empty') }}
        renderItem={(u) => (
          <List.Item data-testid="customer-unit">
            <Space wrap size={8}>
              <Link to={`/equipment/${u.id}`} data-testid="customer-unit-link">
                {u.serialNo}
              </Link>
              <Typography.Text>{u.modelName}</Typography.Text>
              <EquipmentStatusTag status={u.status} />
            </Space>
            <Typography.Text type="secondary">
              {t('equipment.fields.saleDate')} {u.saleDate}
            </Typography.Text>
          </List.Item>
        )}
      />
      {total > PAGE_SIZE && (
        <Link to={`/equipment?customerId=${encodeURIComponent(customer.id)}`}>{t('equipment.customerUnits.more', { total })}</Link>
      )}
      <EquipmentFormModal
        open={creating}
        customer={customer}
        onClose={(created) => {
          setCreating(false);
          if (created) navigate(`/equipment/${created.id}`);
        }}
      />
    </div>
  );
}

import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { equipmentStatuses, type Equipment } from '@sht/domain';
import { filteredColumn, ServerTable, sortedColumn } from '../../../shared/server-table';
import type { ServerList } from '../../../shared/use-server-list';
import { EquipmentStatusTag } from './equipment-status-tag';

export type EquipmentFilterKey = 'modelId' | 'customerId' | 'outletOrgId' | 'status';

export function EquipmentTable({ list }: { list: ServerList<Equipment, EquipmentFilterKey> }) {
  const { t } = useTranslation();
  const { params } = list;

  const columns: TableProps<Equipment>['columns'] = [
    {
      title: t('equipment.fields.serialNo'),
      dataIndex: 'serialNo',
      fixed: 'left',
      ...sortedColumn(params, 'serialNo'),
      render: (_, u) => (
        <Link to={`/equipment/${u.id}`} data-testid="equipment-link">
          {u.serialNo}
        </Link>
      ),
    },
    { title: t('equipment.fields.model'), key: 'model', render: (_, u) => u.modelName },
    { title: t('equipment.fields.category'), dataIndex: 'categoryName', key: 'categoryName' },
    {
      title: t('equipment.fields.customer'),
      key: 'customer',
      render: (_, u) => <Link to={`/customers/${u.customerId}`}>{u.customerName}</Link>,
    },
    { title: t('equipment.fields.org'), dataIndex: 'orgName', key: 'orgName' },
    { title: t('equipment.fields.outlet'), key: 'outlet', render: (_, u) => u.outletOrgName ?? '' },
    {
      title: t('equipment.fields.status'),
      dataIndex: 'status',
      ...filteredColumn(params, 'status', equipmentStatuses.map((s) => ({ text: t(`equipment.status.${s}`), value: s }))),
      render: (_, u) => <EquipmentStatusTag status={u.status} />,
    },
    { title: t('equipment.fields.saleDate'), dataIndex: 'saleDate', ...sortedColumn(params, 'saleDate') },
    {
      title: t('equipment.fields.latestReading'),
      key: 'latestReading',
      render: (_, u) => (u.latestReading ? `${u.latestReading.value} ${t(`equipment.meterUnit.${u.meterKind}`)}` : ''),
    },
  ];

  return <ServerTable list={list} columns={columns} data-testid="equipment-table" />;
}

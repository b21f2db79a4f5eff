import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Table } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createTransferSchema, type Equipment, type Transfer } from '@sht/domain';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { toLocalDate } from '../equipment-form.utils';
import { useEquipmentMutations, useTransfers } from '../hooks/use-equipment';
import { AddFormModal } from './add-form-modal';
import { CustomerSelect } from './customer-select';

type TransferValues = { toCustomerId: string; date: Dayjs; note?: string };
const fieldByCode = { TRANSFER_SAME_OWNER: 'toCustomerId', TRANSFER_BEFORE_SALE: 'date' };

/** 过户: who owned the unit when, and handing it to another customer (the warranty stays with the unit). */
export function TransfersCard({ unit, canWrite }: { unit: Equipment; canWrite: boolean }) {
  const { t } = useTranslation();
  const transfers = useTransfers(unit.id);
  const { transfer } = useEquipmentMutations();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<TransferValues>();

  return (
    <Card
      size="small"
      title={t('equipment.sections.transfers')}
      extra={
        canWrite && (
          <Button size="small" icon={<SwapOutlined />} onClick={() => setAdding(true)} data-testid="transfer-add">
            {t('equipment.transfers.add')}
          </Button>
        )
      }
      data-testid="equipment-transfers"
    >
      <Table<Transfer>
        rowKey="id"
        size="small"
        loading={transfers.isPending}
        dataSource={[...(transfers.data?.items ?? [])].reverse()}
        pagination={false}
        locale={{ emptyText: t('equipment.transfers.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('equipment.transfers.date'), dataIndex: 'date' },
          { title: t('equipment.transfers.from'), key: 'from', render: (_, r) => <Link to={`/customers/${r.fromCustomerId}`}>{r.fromCustomerName}</Link> },
          { title: t('equipment.transfers.to'), key: 'to', render: (_, r) => <Link to={`/customers/${r.toCustomerId}`}>{r.toCustomerName}</Link> },
          { title: t('equipment.transfers.note'), dataIndex: 'note' },
        ]}
      />
      <AddFormModal<TransferValues>
        open={adding}
        title={t('equipment.transfers.addTitle')}
        form={form}
        initialValues={{ date: dayjs() }}
        submit={(v) =>
          transfer.mutateAsync({
            id: unit.id,
            input: {
              toCustomerId: v.toCustomerId,
              date: toLocalDate(v.date) ?? '',
              version: unit.version,
              ...(v.note?.trim() ? { note: v.note.trim() } : {}),
            },
          })
        }
        success={t('equipment.transfers.added')}
        fieldByCode={fieldByCode}
        onClose={() => setAdding(false)}
        data-testid="transfer-form-modal"
      >
        <Form<TransferValues> form={form} layout="vertical" name="transfer-form">
          <Form.Item name="toCustomerId" label={t('equipment.transfers.toCustomer')} rules={[requiredRule()]}>
            <CustomerSelect excludeId={unit.customerId} data-testid="transfer-form-customer" />
          </Form.Item>
          <Form.Item name="date" label={t('equipment.transfers.date')} rules={[requiredRule()]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('equipment.transfers.note')} rules={[schemaRule(createTransferSchema.shape.note.unwrap())]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </AddFormModal>
    </Card>
  );
}

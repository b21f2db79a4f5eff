import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createReadingSchema, type Equipment, type Reading } from '@sht/domain';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { toLocalDate } from '../equipment-form.utils';
import { useEquipmentMutations, useReadings } from '../hooks/use-equipment';
import { AddFormModal } from './add-form-modal';

type ReadingValues = { date: Dayjs; value: number; note?: string };
const fieldByCode = {
  READING_DECREASES: 'value',
  READING_EXCEEDS_LATER: 'value',
  READING_IN_FUTURE: 'date',
  READING_BEFORE_SALE: 'date',
};

/** Hours or km on the unit's meter: the usage limit of the warranty is checked against these. */
export function ReadingsCard({ unit, canWrite }: { unit: Equipment; canWrite: boolean }) {
  const { t } = useTranslation();
  const readings = useReadings(unit.id);
  const { addReading } = useEquipmentMutations();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ReadingValues>();
  const hasMeter = unit.meterKind !== 'none';
  const unitLabel = t(`equipment.meterUnit.${unit.meterKind}`);

  return (
    <Card
      size="small"
      title={t('equipment.sections.readings')}
      extra={
        canWrite && hasMeter && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="reading-add">
            {t('equipment.readings.add')}
          </Button>
        )
      }
      data-testid="equipment-readings"
    >
      {!hasMeter ? (
        <Typography.Text type="secondary">{t('equipment.readings.noMeter')}</Typography.Text>
      ) : (
        <Table<Reading>
          rowKey="id"
          size="small"
          loading={readings.isPending}
          dataSource={[...(readings.data?.items ?? [])].reverse()}
          pagination={{ pageSize: 5, hideOnSinglePage: true, size: 'small' }}
          locale={{ emptyText: t('equipment.readings.empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('equipment.readings.date'), dataIndex: 'date' },
            { title: t('equipment.readings.value'), dataIndex: 'value', render: (v: number) => `${v} ${unitLabel}` },
            { title: t('equipment.readings.note'), dataIndex: 'note' },
          ]}
        />
      )}
      <AddFormModal<ReadingValues>
        open={adding}
        title={t('equipment.readings.addTitle')}
        form={form}
        initialValues={{ date: dayjs() }}
        submit={(v) =>
          addReading.mutateAsync({
            id: unit.id,
            input: { date: toLocalDate(v.date) ?? '', value: v.value, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
          })
        }
        success={t('equipment.readings.added')}
        fieldByCode={fieldByCode}
        onClose={() => setAdding(false)}
        data-testid="reading-form-modal"
      >
        <Form<ReadingValues> form={form} layout="vertical" name="reading-form">
          <Form.Item name="date" label={t('equipment.readings.date')} rules={[requiredRule()]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="value" label={`${t('equipment.readings.value')}（${unitLabel}）`} rules={[requiredRule(), schemaRule(createReadingSchema.shape.value)]}>
            <InputNumber style={{ width: '100%' }} min={0} data-testid="reading-form-value" />
          </Form.Item>
          <Form.Item name="note" label={t('equipment.readings.note')} rules={[schemaRule(createReadingSchema.shape.note.unwrap())]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </AddFormModal>
    </Card>
  );
}

import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createContractSchema, warrantyContractKindSchema, type Contract, type Equipment, type WarrantyContractKind } from '@sht/domain';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { toLocalDate } from '../equipment-form.utils';
import { useContracts, useEquipmentMutations, useModel } from '../hooks/use-equipment';
import { AddFormModal } from './add-form-modal';

type ContractValues = {
  kind: WarrantyContractKind;
  contractNo: string;
  name: string;
  startDate: Dayjs;
  endDate: Dayjs;
  coveredParts?: string[];
  usageLimit?: number | null;
  priceYuan?: number | null;
};
const shape = createContractSchema.shape;
const fieldByCode = { CONTRACT_PART_UNKNOWN: 'coveredParts', CONTRACT_USAGE_WITHOUT_METER: 'usageLimit' };

/** 维保合同 / 延保: they extend what the 三包 policy covers, for the whole unit or some main parts. */
export function ContractsCard({ unit, canWrite }: { unit: Equipment; canWrite: boolean }) {
  const { t } = useTranslation();
  const contracts = useContracts(unit.id);
  const model = useModel(unit.modelId);
  const { addContract } = useEquipmentMutations();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ContractValues>();
  const hasMeter = unit.meterKind !== 'none';

  return (
    <Card
      size="small"
      title={t('equipment.sections.contracts')}
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="contract-add">
            {t('equipment.contracts.add')}
          </Button>
        )
      }
      data-testid="equipment-contracts"
    >
      <Table<Contract>
        rowKey="id"
        size="small"
        loading={contracts.isPending}
        dataSource={contracts.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('equipment.contracts.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('equipment.contracts.contractNo'), dataIndex: 'contractNo' },
          { title: t('equipment.contracts.name'), dataIndex: 'name' },
          { title: t('equipment.contracts.kindLabel'), dataIndex: 'kind', render: (k: WarrantyContractKind) => t(`equipment.contracts.kind.${k}`) },
          { title: t('equipment.contracts.period'), key: 'period', render: (_, c) => `${c.startDate} ~ ${c.endDate}` },
          {
            title: t('equipment.contracts.coveredParts'),
            key: 'parts',
            render: (_, c) => (c.coveredParts?.length ? c.coveredParts.join('、') : t('equipment.contracts.wholeUnit')),
          },
          { title: t('equipment.contracts.usageLimit'), dataIndex: 'usageLimit', render: (v: number | null) => (v === null ? '' : v) },
          { title: t('equipment.contracts.price'), dataIndex: 'priceFen', render: (v: number | null) => (v === null ? '' : (v / 100).toFixed(2)) },
        ]}
      />
      <AddFormModal<ContractValues>
        open={adding}
        title={t('equipment.contracts.addTitle')}
        form={form}
        initialValues={{ kind: 'extended_warranty' }}
        submit={(v) =>
          addContract.mutateAsync({
            id: unit.id,
            input: {
              kind: v.kind,
              contractNo: v.contractNo.trim(),
              name: v.name.trim(),
              startDate: toLocalDate(v.startDate) ?? '',
              endDate: toLocalDate(v.endDate) ?? '',
              ...(v.coveredParts?.length ? { coveredParts: v.coveredParts } : {}),
              ...(v.usageLimit ? { usageLimit: v.usageLimit } : {}),
              // Money travels in integer fen.
              ...(v.priceYuan !== undefined && v.priceYuan !== null ? { priceFen: Math.round(v.priceYuan * 100) } : {}),
            },
          })
        }
        success={t('equipment.contracts.added')}
        fieldByCode={fieldByCode}
        onClose={() => setAdding(false)}
        data-testid="contract-form-modal"
      >
        <Form<ContractValues> form={form} layout="vertical" name="contract-form">
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="kind" label={t('equipment.contracts.kindLabel')} rules={[requiredRule()]}>
                <Select options={warrantyContractKindSchema.options.map((k) => ({ value: k, label: t(`equipment.contracts.kind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="contractNo" label={t('equipment.contracts.contractNo')} rules={[requiredRule(), schemaRule(shape.contractNo)]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="name" label={t('equipment.contracts.name')} rules={[requiredRule(), schemaRule(shape.name)]}>
            <Input maxLength={100} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="startDate" label={t('equipment.contracts.startDate')} rules={[requiredRule()]}>
                <DatePicker style={{ width: '100%' }} data-testid="contract-form-startDate" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="endDate"
                label={t('equipment.contracts.endDate')}
                dependencies={['startDate']}
                rules={[
                  requiredRule(),
                  ({ getFieldValue }) => ({
                    validator: async (_, end: Dayjs | undefined) => {
                      const start = getFieldValue('startDate') as Dayjs | undefined;
                      if (start && end && end.isBefore(start, 'day')) throw new Error(t('equipment.contracts.endBeforeStart'));
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} data-testid="contract-form-endDate" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="coveredParts" label={t('equipment.contracts.coveredParts')} extra={t('equipment.contracts.coveredPartsHelp')}>
            <Select mode="multiple" allowClear options={(model.data?.mainParts ?? []).map((p) => ({ value: p.name, label: p.name }))} />
          </Form.Item>
          <Row gutter={16}>
            {hasMeter && (
              <Col xs={24} sm={12}>
                <Form.Item name="usageLimit" label={`${t('equipment.contracts.usageLimit')}（${t(`equipment.meterUnit.${unit.meterKind}`)}）`}>
                  <InputNumber style={{ width: '100%' }} min={1} max={1e9} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} sm={12}>
              <Form.Item name="priceYuan" label={t('equipment.contracts.price')}>
                <InputNumber style={{ width: '100%' }} min={0} max={10_000_000} precision={2} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </AddFormModal>
    </Card>
  );
}

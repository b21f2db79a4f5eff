import { useMemo } from 'react';
import { Cascader, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Technician, TechnicianProfileInput } from '@sht/domain';
import { EditFormModal } from '../../../shared/edit-form-modal';
import { useEditForm } from '../../../shared/use-edit-form';
import { useDivisions, type DivisionNode } from '../../customers/hooks/use-divisions';
import { useModelOptions } from '../../equipment/hooks/use-equipment';
import { useSaveTechnicianProfile, useTechnicians } from '../hooks/use-technicians';
import { divisionPath, pathsToCodes } from '../technicians.format';
import { techniciansApi } from '../technicians.api';

type FormValues = { skills: string[]; lat?: number | null; lng?: number | null; coverage: string[][] };

const fieldNames = { label: 'name', value: 'code', children: 'children' } as const;

function toFormValues(t: Technician): FormValues {
  return { skills: t.skills, lat: t.base?.lat ?? null, lng: t.base?.lng ?? null, coverage: t.coverage.map(divisionPath) };
}

function toInput(v: FormValues, version: number): TechnicianProfileInput {
  const hasBase = typeof v.lat === 'number' && typeof v.lng === 'number';
  return {
    skills: v.skills.map((s) => s.trim()).filter((s) => s.length > 0),
    base: hasBase ? { lat: v.lat as number, lng: v.lng as number } : null,
    coverage: pathsToCodes(v.coverage ?? []),
    version,
  };
}

const noCreate = () => Promise.reject(new Error('a profile belongs to an existing technician'));

/** 技术员档案: skills (model or category codes), home base and the divisions the technician covers. */
export function TechnicianProfileModal({ technician, onClose }: { technician: Technician | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveTechnicianProfile();
  const divisions = useDivisions();
  const models = useModelOptions('');
  const all = useTechnicians();
  const skillOptions = useMemo(() => {
    const codes = new Set<string>();
    for (const m of models.data?.items ?? []) codes.add(m.code);
    for (const tech of all.data?.items ?? []) for (const s of tech.skills) codes.add(s);
    return [...codes].sort().map((c) => ({ value: c, label: c }));
  }, [models.data, all.data]);
  const editor = useEditForm<Technician, FormValues>({
    form,
    open: technician !== undefined,
    record: technician,
    toFormValues,
    createValues: {},
    getLatest: async (id) => {
      const latest = (await techniciansApi.list()).items.find((x) => x.id === id);
      if (!latest) throw new Error(t('technicians.gone'));
      return latest;
    },
    create: noCreate,
    update: (record, values) => save.mutateAsync({ id: record.id, input: toInput(values, record.version) }),
    messages: { created: t('technicians.saved'), updated: t('technicians.saved') },
    onSaved: onClose,
  });

  return (
    <EditFormModal
      open={technician !== undefined}
      title={t('technicians.editTitle', { name: technician?.name ?? '' })}
      editor={editor}
      conflictMessage={t('technicians.versionConflict')}
      onClose={onClose}
      data-testid="technician-profile-modal"
      conflictTestId="technician-profile-conflict"
    >
      <Form<FormValues> form={form} name="technician-profile" layout="vertical" onFinish={editor.onFinish}>
        <Form.Item name="skills" label={t('technicians.fields.skills')} extra={t('technicians.skillsHint')}>
          <Select mode="tags" options={skillOptions} tokenSeparators={[',', '，', ' ']} maxCount={100} data-testid="technician-skills" />
        </Form.Item>
        <Typography.Text strong>{t('technicians.fields.base')}</Typography.Text>
        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col xs={12}>
            <Form.Item
              name="lat"
              label={t('technicians.fields.lat')}
              dependencies={['lng']}
              rules={[({ getFieldValue }) => ({
                validator: (_, v) => (typeof v === 'number') === (typeof getFieldValue('lng') === 'number')
                  ? Promise.resolve() : Promise.reject(new Error(t('technicians.basePair'))),
              })]}
            >
              <InputNumber min={-90} max={90} precision={6} style={{ width: '100%' }} data-testid="technician-lat" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="lng" label={t('technicians.fields.lng')}>
              <InputNumber min={-180} max={180} precision={6} style={{ width: '100%' }} data-testid="technician-lng" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="coverage" label={t('technicians.fields.coverage')} extra={t('technicians.coverageHint')}>
          <Cascader<DivisionNode>
            multiple
            options={divisions.data ?? []}
            fieldNames={fieldNames}
            loading={divisions.isPending}
            showCheckedStrategy={Cascader.SHOW_PARENT}
            showSearch={{ filter: (input, path) => path.some((node) => node.name.includes(input)) }}
            maxTagCount="responsive"
            style={{ width: '100%' }}
            data-testid="technician-coverage"
          />
        </Form.Item>
      </Form>
    </EditFormModal>
  );
}

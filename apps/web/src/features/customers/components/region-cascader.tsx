import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDivisions, type DivisionNode } from '../hooks/use-divisions';

type Props = {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
};

const fieldNames = { label: 'name', value: 'code', children: 'children' } as const;

/** Province → city → county by division code; any level may be the last one chosen. */
export function RegionCascader({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const divisions = useDivisions();
  return (
    <Cascader<DivisionNode>
      id={id}
      value={value}
      onChange={(codes) => onChange?.((codes ?? []).map(String))}
      options={divisions.data ?? []}
      fieldNames={fieldNames}
      loading={divisions.isPending}
      changeOnSelect
      showSearch={{ filter: (input, path) => path.some((node) => node.name.includes(input)) }}
      placeholder={t('customers.regionPlaceholder')}
      allowClear
      style={{ width: '100%' }}
      data-testid="customer-region"
    />
  );
}

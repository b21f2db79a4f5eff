import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../customers/hooks/use-debounced-value';
import { useModelOptions } from '../hooks/use-equipment';

type Option = { value: string; label: string; disabled?: boolean };

type Props = {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The model already chosen, so its name shows before any search. */
  initial?: Option;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/** Picks an active product model by code or name. */
export function ModelSelect({ value, onChange, initial, placeholder, allowClear, id, style, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Option | undefined>(initial);
  const term = useDebouncedValue(text.trim(), 150);
  const models = useModelOptions(term);
  // The list of an earlier term stays visible while the next loads, but cannot be picked.
  const isStale = text.trim() !== term || models.isPlaceholderData;
  const found: Option[] = (models.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.code} · ${m.name}`, disabled: isStale }));
  const current = [picked, initial].find((o) => o && o.value === value);
  const options = current && !found.some((o) => o.value === current.value) ? [current, ...found] : found;

  return (
    <Select<string, Option>
      id={id}
      value={value}
      onChange={(v, option) => {
        if (option && !Array.isArray(option)) setPicked(option);
        onChange?.(v);
      }}
      options={options}
      showSearch={{ onSearch: setText, filterOption: false }}
      loading={models.isFetching}
      placeholder={placeholder ?? t('equipment.pickModel')}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...style }}
      data-testid={rest['data-testid']}
    />
  );
}

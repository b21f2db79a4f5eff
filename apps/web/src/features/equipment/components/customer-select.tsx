import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../customers/hooks/use-debounced-value';
import { useCustomerSearch } from '../../customers/hooks/use-customers';

type Option = { value: string; label: string; disabled?: boolean };

type Props = {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The name of the customer already chosen (editing, a filter from the URL, the owner's page). */
  initial?: Option;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** A customer that cannot be picked (the current owner, for a transfer). */
  excludeId?: string;
  id?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/** Picks a customer with the same find-as-you-type as the hotline search (name, initials, phone digits). */
export function CustomerSelect({ value, onChange, initial, placeholder, allowClear, disabled, excludeId, id, style, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Option | undefined>(initial);
  const term = useDebouncedValue(text.trim(), 150);
  const search = useCustomerSearch(term);
  // Results of an earlier term stay visible while the next loads, but cannot be picked: Enter
  // pressed mid-typing must not choose the wrong customer.
  const isStale = text.trim() !== term || search.isPlaceholderData;
  const found: Option[] = (term ? (search.data?.items ?? []) : [])
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: [c.name, c.phones[0]].filter(Boolean).join(' · '), disabled: isStale }));
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
      loading={search.isFetching}
      notFoundContent={term && search.isSuccess && !search.isFetching ? t('customers.findEmpty') : null}
      placeholder={placeholder ?? t('equipment.pickCustomer')}
      allowClear={allowClear}
      disabled={disabled}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...style }}
      data-testid={rest['data-testid']}
    />
  );
}

import { useState } from 'react';
import { useNavigate } from 'react-router';
import { AutoComplete, Spin } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useCustomerSearch } from '../hooks/use-customers';
import { CustomerSummaryLine } from './customer-summary-line';

// Short enough to feel instant while the caller spells a name, long enough to skip most keystrokes.
const DEBOUNCE_MS = 150;

/** Find-as-you-type over name, pinyin, initials and phone digits; picking a result opens the customer. */
export function CustomerSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const term = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useCustomerSearch(term);
  const items = term ? (search.data?.items ?? []) : [];
  // Results of an earlier term stay visible while the next loads, but cannot be picked: Enter
  // pressed mid-typing must not open the wrong customer.
  const isStale = text.trim() !== term || search.isPlaceholderData;

  const options = items.map((c) => ({
    value: c.id,
    disabled: isStale,
    label: (
      <div data-testid="customer-search-option">
        <CustomerSummaryLine customer={c} />
      </div>
    ),
  }));

  return (
    <AutoComplete
      value={text}
      options={options}
      showSearch={{ onSearch: setText, filterOption: false }}
      onSelect={(id: string) => navigate(`/customers/${id}`)}
      defaultActiveFirstOption
      notFoundContent={term && !search.isFetching && search.isSuccess ? t('customers.findEmpty') : null}
      allowClear
      onClear={() => setText('')}
      size="large"
      prefix={search.isFetching ? <Spin size="small" /> : <SearchOutlined />}
      placeholder={t('customers.findPlaceholder')}
      aria-label={t('customers.findHint')}
      autoFocus
      style={{ width: '100%' }}
      data-testid="customer-search"
    />
  );
}

import { useState } from 'react';
import { AutoComplete, Spin } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '@sht/domain';
import { CustomerSummaryLine } from '../../customers/components/customer-summary-line';
import { useCustomerSearch } from '../../customers/hooks/use-customers';
import { useDebouncedValue } from '../../customers/hooks/use-debounced-value';

const DEBOUNCE_MS = 150;

/**
 * The customer find-as-you-type of the archive (same API, hooks and result line), but picking
 * hands the customer and the typed term to the intake form instead of opening the customer.
 */
export function CallerCustomerPicker({ onPick }: { onPick: (customer: CustomerSummary, typed: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const term = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useCustomerSearch(term);
  const items = term ? (search.data?.items ?? []) : [];
  // Results of an earlier term cannot be picked: Enter pressed mid-typing must not pick the wrong caller.
  const isStale = text.trim() !== term || search.isPlaceholderData;

  return (
    <AutoComplete
      value={text}
      options={items.map((c) => ({
        value: c.id,
        disabled: isStale,
        label: (
          <div data-testid="intake-customer-option">
            <CustomerSummaryLine customer={c} />
          </div>
        ),
      }))}
      showSearch={{ onSearch: setText, filterOption: false }}
      onSelect={(id: string) => {
        const customer = items.find((c) => c.id === id);
        if (customer) onPick(customer, text.trim());
      }}
      defaultActiveFirstOption
      notFoundContent={term && !search.isFetching && search.isSuccess ? t('workOrders.intake.customerEmpty') : null}
      allowClear
      onClear={() => setText('')}
      size="large"
      prefix={search.isFetching ? <Spin size="small" /> : <PhoneOutlined />}
      placeholder={t('workOrders.intake.findCustomer')}
      aria-label={t('workOrders.intake.findCustomer')}
      autoFocus
      style={{ width: '100%' }}
      data-testid="intake-customer-search"
    />
  );
}

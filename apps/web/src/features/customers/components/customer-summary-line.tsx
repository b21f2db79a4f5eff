import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '@sht/domain';
import { regionText } from '../customer-form.utils';
import { CustomerGradeTag } from './customer-grade-tag';

/** What an agent needs to recognise a caller: name and grade, then phones, region and owning org. */
export function CustomerSummaryLine({ customer }: { customer: CustomerSummary }) {
  const { t } = useTranslation();
  const region = regionText([customer.provinceName, customer.cityName, customer.countyName]);
  const details = [customer.phones.join(' / '), region, customer.orgName].filter(Boolean).join(' · ');
  return (
    <div className="sht-customer-line">
      <div className="sht-customer-line__head">
        <Typography.Text strong>{customer.name}</Typography.Text>
        {customer.primaryContact && customer.primaryContact !== customer.name && (
          <Typography.Text type="secondary">{customer.primaryContact}</Typography.Text>
        )}
        <CustomerGradeTag grade={customer.grade} />
        {!customer.isActive && <Tag>{t('common.inactive')}</Tag>}
      </div>
      <Typography.Text type="secondary" className="sht-customer-line__details">
        {details}
      </Typography.Text>
    </div>
  );
}

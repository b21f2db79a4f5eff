import { createPortal } from 'react-dom';
import i18next from 'i18next';
import dayjs from 'dayjs';
import type { Customer } from '@sht/domain';
import type { Translation } from '../../../app/locales/zh-CN';
import { regionText } from '../customer-form.utils';
import '../../../shared/print-sheet.css';

// 客户资料登记表 is a Chinese paper form (one of the eight forms of the service procedure): it is
// printed in Chinese whatever the screen language.
const SHEET_LANGUAGE = 'zh-CN';
const MIN_CONTACT_ROWS = 3;

/** The printable registration form; rendered beside the app root so print CSS can show it alone. */
export function CustomerPrintSheet({ customer }: { customer: Customer }) {
  const t = i18next.getFixedT(SHEET_LANGUAGE);
  const p = (key: keyof Translation['customers']['printSheet']): string => t(`customers.printSheet.${key}`);
  const a = customer.address;
  const blankRows = Math.max(0, MIN_CONTACT_ROWS - customer.contacts.length);

  return createPortal(
    <div className="sht-print-sheet" data-testid="customer-print">
      <h1>{p('title')}</h1>
      <div className="sht-print-sheet__meta">
        <span>
          {p('number')}：{customer.id.slice(0, 8).toUpperCase()}
        </span>
        <span>
          {p('registeredAt')}：{dayjs(customer.createdAt).format('YYYY 年 M 月 D 日')}
        </span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>{p('name')}</th>
            <td colSpan={3}>{customer.name}</td>
          </tr>
          <tr>
            <th>{p('kind')}</th>
            <td>{t(`customers.kind.${customer.kind}`)}</td>
            <th>{p('source')}</th>
            <td>{t(`customers.source.${customer.source}`)}</td>
          </tr>
          <tr>
            <th>{p('grade')}</th>
            <td>{customer.grade ? `${t(`customers.grade.${customer.grade}`)}（${t(`customers.gradeHint.${customer.grade}`)}）` : ''}</td>
            <th>{p('status')}</th>
            <td>{customer.isActive ? t('common.active') : t('common.inactive')}</td>
          </tr>
          <tr>
            <th>{p('org')}</th>
            <td colSpan={3}>{customer.orgName}</td>
          </tr>
          <tr>
            <th>{p('region')}</th>
            <td colSpan={3}>{a ? regionText([a.provinceName, a.cityName, a.countyName]) : ''}</td>
          </tr>
          <tr>
            <th>{p('detail')}</th>
            <td colSpan={3}>{a?.detail ?? ''}</td>
          </tr>
          <tr>
            <th>{p('tags')}</th>
            <td colSpan={3}>{customer.tags.join('、')}</td>
          </tr>
        </tbody>
      </table>
      <table className="sht-print-sheet__contacts" style={{ marginTop: '-1px' }}>
        <thead>
          <tr>
            <th style={{ width: '18%' }}>{p('contacts')}</th>
            <th>{p('contactName')}</th>
            <th>{p('contactTitle')}</th>
            <th style={{ width: '36%' }}>{p('phones')}</th>
            <th style={{ width: '10%' }}>{p('primary')}</th>
          </tr>
        </thead>
        <tbody>
          {customer.contacts.map((c, i) => (
            <tr key={c.id}>
              <td style={{ textAlign: 'center' }}>{i + 1}</td>
              <td>{c.name}</td>
              <td>{c.title ?? ''}</td>
              <td>{c.phones.join('，')}</td>
              <td style={{ textAlign: 'center' }}>{c.isPrimary ? '✓' : ''}</td>
            </tr>
          ))}
          {Array.from({ length: blankRows }, (_, i) => (
            <tr key={`blank-${i}`}>
              <td style={{ textAlign: 'center' }}>{customer.contacts.length + i + 1}</td>
              <td>&nbsp;</td>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <table style={{ marginTop: '-1px' }}>
        <tbody>
          <tr>
            <th>{p('notes')}</th>
            <td className="sht-print-sheet__notes">{customer.notes ?? ''}</td>
          </tr>
        </tbody>
      </table>
      <div className="sht-print-sheet__footer">
        <span>{p('registrar')}：</span>
        <span>{p('reviewer')}：</span>
        <span>{p('date')}：</span>
      </div>
      <div className="sht-print-sheet__printed">{t('customers.printSheet.printedAt', { at: dayjs().format('YYYY-MM-DD HH:mm') })}</div>
    </div>,
    document.body,
  );
}

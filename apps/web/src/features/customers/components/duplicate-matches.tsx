import { Link } from 'react-router';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '@sht/domain';
import { CustomerSummaryLine } from './customer-summary-line';

/** Possible duplicates, one line per customer with what matched; each opens in a new tab. */
export function DuplicateMatches({ matches }: { matches: readonly DuplicateMatch[] }) {
  const { t } = useTranslation();
  const byCustomer = new Map<string, { match: DuplicateMatch; on: Set<DuplicateMatch['matchedOn']> }>();
  for (const m of matches) {
    const entry = byCustomer.get(m.customer.id) ?? { match: m, on: new Set() };
    entry.on.add(m.matchedOn);
    byCustomer.set(m.customer.id, entry);
  }
  return (
    <ul className="sht-duplicate-list" data-testid="customer-duplicates">
      {[...byCustomer.values()].map(({ match, on }) => (
        <li key={match.customer.id}>
          <Link to={`/customers/${match.customer.id}`} target="_blank" rel="noopener">
            <CustomerSummaryLine customer={match.customer} />
          </Link>
          {[...on].map((o) => (
            <Tag key={o} color="warning">
              {t(`customers.matchedOn.${o}`)}
            </Tag>
          ))}
        </li>
      ))}
    </ul>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Result, Spin } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';

type Props<T> = {
  query: UseQueryResult<T>;
  /** What to say when the record does not exist or is out of the caller's scope (404). */
  notFound: string;
  back: { to: string; label: string };
  children: (data: T) => ReactNode;
};

/** The page of one record: a spinner while loading, "not found" or "failed" with a way back, else the record. */
export function RecordQueryState<T>({ query, notFound, back, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? notFound : t('errors.loadFailed')}
        extra={<Link to={back.to}>{back.label}</Link>}
      />
    );
  }
  return <>{children(query.data)}</>;
}

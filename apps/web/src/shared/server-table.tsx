import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from './use-is-mobile';
import { tableChangePatch, toAntdOrder, type ListParams, type SortOrder } from './use-list-params';
import type { ServerList } from './use-server-list';

type Props<T, F extends string> = Omit<TableProps<T>, 'rowKey' | 'dataSource' | 'loading' | 'onChange' | 'pagination'> & {
  list: ServerList<T, F>;
  'data-testid'?: string;
};

/**
 * One page of a server list. Paging, sorting and column filters only change the list params (the
 * URL); the list query reads them back, so the table never sorts or filters rows itself.
 */
export function ServerTable<T extends { id: string }, F extends string>({ list, ...table }: Props<T, F>) {
  const { t } = useTranslation();
  // Phone layout: small rows, simple pager.
  const compact = useIsMobile();
  return (
    <Table<T>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      scroll={{ x: 'max-content' }}
      {...table}
      dataSource={list.page?.items}
      loading={list.isFetching}
      onChange={(pagination, filters, sorter) => list.setParams(tableChangePatch<F>(pagination, filters, sorter))}
      pagination={{
        current: list.params.page,
        pageSize: list.params.pageSize,
        total: list.page?.total ?? 0,
        showSizeChanger: !compact,
        simple: compact,
        showTotal: (total) => t('common.total', { total }),
      }}
    />
  );
}

/** Column props for a server-sorted column; `key` is the API's sort field. */
export function sortedColumn(params: { sort?: string; order?: SortOrder }, key: string) {
  return { key, sorter: true, sortOrder: toAntdOrder(params.sort, params.order, key) };
}

/** Column props for a single-choice server filter; `key` is the API's filter param. */
export function filteredColumn<F extends string>(params: ListParams<F>, key: F, filters: { text: string; value: string }[]) {
  const value = params[key];
  return { key, filters, filterMultiple: false, filteredValue: value ? [value] : null };
}

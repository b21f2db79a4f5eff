import { Input } from 'antd';

type Props = {
  list: { params: { q: string | undefined }; setParams: (patch: { q: string | undefined }) => void };
  placeholder: string;
  width?: number;
  'data-testid'?: string;
};

/** The free-text search of a list, bound to its `q` param. */
export function ListSearch({ list, placeholder, width = 240, ...rest }: Props) {
  return (
    <Input.Search
      allowClear
      defaultValue={list.params.q}
      // Remount when q changes elsewhere (back button, a shared link), so the box shows it.
      key={list.params.q ?? ''}
      placeholder={placeholder}
      onSearch={(q) => list.setParams({ q: q.trim() || undefined })}
      style={{ width }}
      data-testid={rest['data-testid']}
    />
  );
}

import type { ReactNode } from 'react';
import { Button, Popconfirm } from 'antd';
import { testId } from './test-id';

type Props = {
  title: ReactNode;
  /** A returned promise keeps the confirm button spinning until it settles. */
  onConfirm: () => unknown;
  danger?: boolean;
  children: ReactNode;
  'data-testid': string;
};

/** A row action behind an "are you sure?" popover (deactivate, unlock, revoke). */
export function ConfirmLink({ title, onConfirm, danger, children, ...rest }: Props) {
  return (
    <Popconfirm title={title} onConfirm={() => onConfirm()} okButtonProps={testId('confirm-ok')}>
      <Button type="link" size="small" danger={danger} data-testid={rest['data-testid']}>
        {children}
      </Button>
    </Popconfirm>
  );
}

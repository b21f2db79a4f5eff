import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderAction } from '@sht/domain';

// The step that moves the order forward comes first and is the primary button.
const order: readonly WorkOrderAction[] = [
  'accept', 'dispatch', 'start_travel', 'arrive', 'resolve', 'confirm', 'close', 'resume', 'wait_parts', 'wait_customer', 'decline', 'reopen', 'cancel',
];
const forward: readonly WorkOrderAction[] = ['accept', 'start_travel', 'arrive', 'resolve', 'confirm', 'close', 'resume'];

/** Buttons for the steps the server says this user may take now (state machine and permissions applied). */
export function ActionBar({ allowed, onPick, size }: { allowed: readonly WorkOrderAction[]; onPick: (action: WorkOrderAction) => void; size?: 'large' }) {
  const { t } = useTranslation();
  const actions = order.filter((a) => allowed.includes(a));
  const primary = actions.find((a) => forward.includes(a)) ?? actions.find((a) => a === 'dispatch');
  return (
    <Space wrap data-testid="wo-actions">
      {actions.map((action) => (
        <Button
          key={action}
          size={size}
          type={action === primary ? 'primary' : 'default'}
          danger={action === 'cancel'}
          onClick={() => onPick(action)}
          data-testid={`wo-action-${action}`}
        >
          {t(`workOrders.actions.${action}`)}
        </Button>
      ))}
    </Space>
  );
}

import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../hooks/use-notifications';

/** The header's bell: unread count as a badge; opens the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const count = useUnreadCount().data?.count ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <Badge count={count} size="small" overflowCount={99} data-testid="notification-unread-count" data-count={count}>
      <Button type="text" icon={<BellOutlined />} onClick={() => navigate('/inbox')} aria-label={label} title={label} data-testid="notification-bell" />
    </Badge>
  );
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EquipmentStatus } from '@sht/domain';

const colors: Record<EquipmentStatus, string> = {
  in_service: 'green',
  idle: 'default',
  under_repair: 'orange',
  stored: 'blue',
  scrapped: 'red',
};

export function EquipmentStatusTag({ status }: { status: EquipmentStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`equipment.status.${status}`)}</Tag>;
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerGrade } from '@sht/domain';

const colors: Record<CustomerGrade, string> = { A: 'red', B: 'orange', C: 'blue' };

export function CustomerGradeTag({ grade }: { grade: CustomerGrade | null }) {
  const { t } = useTranslation();
  if (!grade) return null;
  return (
    <Tag color={colors[grade]} title={t(`customers.gradeHint.${grade}`)} style={{ marginInlineEnd: 4 }}>
      {t(`customers.grade.${grade}`)}
    </Tag>
  );
}

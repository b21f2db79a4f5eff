import { Card, Descriptions, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '@sht/domain';

/** 处理情况: what was seen, why it happened, what was done — a problem is not solved until its cause is found. */
export function DiagnosisCard({ diagnosis }: { diagnosis: Diagnosis | null }) {
  const { t } = useTranslation();
  const text = (s: string) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s}</Typography.Paragraph>;
  return (
    <Card size="small" title={t('workOrders.diagnosis.title')} data-testid="wo-diagnosis">
      {diagnosis ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('workOrders.modal.symptom')}>{text(diagnosis.symptom)}</Descriptions.Item>
          <Descriptions.Item label={t('workOrders.modal.cause')}>{text(diagnosis.cause)}</Descriptions.Item>
          <Descriptions.Item label={t('workOrders.modal.action')}>{text(diagnosis.action)}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workOrders.diagnosis.empty')} />
      )}
    </Card>
  );
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackStatus, RecoveryStatus } from '@sht/domain';

const statusColor: Record<CallbackStatus, string> = { pending: 'processing', completed: 'success', unreachable: 'warning', refused: 'default', wrong_number: 'error' };
const recoveryColor: Record<RecoveryStatus, string> = { open: 'processing', follow_up: 'gold', succeeded: 'success', failed: 'error' };

export function CallbackStatusTag({ status }: { status: CallbackStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]} data-testid="callback-status">{t(`callbacks.status.${status}`)}</Tag>;
}

export function RecoveryStatusTag({ status }: { status: RecoveryStatus }) {
  const { t } = useTranslation();
  return <Tag color={recoveryColor[status]} data-testid="recovery-status">{t(`callbacks.recovery.status.${status}`)}</Tag>;
}

/** A 0–100 score, red below 60. */
export function ScoreText({ score }: { score: number | null }) {
  if (score === null) return null;
  return <span style={{ color: score < 60 ? '#cf1322' : undefined, fontWeight: 500 }}>{score}</span>;
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgKind } from '@sht/domain';

const colors: Record<OrgKind, string> = { hq: 'red', region: 'blue', outlet: 'green', department: 'purple', project_team: 'gold' };

export function OrgKindTag({ kind }: { kind: OrgKind }) {
  const { t } = useTranslation();
  return <Tag color={colors[kind]}>{t(`orgs.kind.${kind}`)}</Tag>;
}

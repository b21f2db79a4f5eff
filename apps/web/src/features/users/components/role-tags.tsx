import { Tag } from 'antd';
import type { Role } from '@sht/domain';
import { useRoleLabel } from '../../../shared/role-label';

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const label = useRoleLabel();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} style={{ marginInlineEnd: 4 }}>
          {label(role)}
        </Tag>
      ))}
    </>
  );
}

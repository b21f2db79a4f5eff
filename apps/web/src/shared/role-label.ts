import { roleLabels, type Role } from '@sht/domain';
import { useLanguage } from './use-language';

/** Role names come from the domain package, which owns them in both languages. */
export function useRoleLabel(): (role: Role) => string {
  const language = useLanguage();
  return (role) => roleLabels[role]?.[language] ?? role;
}

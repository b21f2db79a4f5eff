import type { ReactNode } from 'react';
import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditFormStatus } from './use-edit-form';

type Props = {
  open: boolean;
  title: ReactNode;
  editor: EditFormStatus;
  /** Says whose record changed ("someone else changed this user"). */
  conflictMessage: string;
  onClose: () => void;
  children: ReactNode;
  'data-testid': string;
  conflictTestId: string;
};

/** The modal around a `useEditForm` form: save button, version-conflict banner, form-level errors. */
export function EditFormModal({ open, title, editor, conflictMessage, onClose, children, conflictTestId, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={editor.submit}
      okText={t('common.save')}
      confirmLoading={editor.isSaving}
      okButtonProps={{ disabled: editor.hasConflict }}
      forceRender
      width={640}
      data-testid={rest['data-testid']}
    >
      {editor.hasConflict && (
        <Alert
          type="warning"
          showIcon
          title={conflictMessage}
          action={<Button size="small" onClick={editor.reloadLatest}>{t('common.reloadLatest')}</Button>}
          style={{ marginBottom: 16 }}
          data-testid={conflictTestId}
        />
      )}
      {editor.formError && <Alert type="error" showIcon title={editor.formError} style={{ marginBottom: 16 }} />}
      {children}
    </Modal>
  );
}

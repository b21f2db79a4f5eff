import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error';
import { applyServerErrors } from '../../../api/form-errors';

type Props<V> = {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  /** What the form starts with each time it opens. */
  initialValues: Parameters<FormInstance<V>['setFieldsValue']>[0];
  /** Sends the validated values; a rejection is shown on the fields it concerns. */
  submit: (values: V) => Promise<unknown>;
  success: string;
  fieldByCode?: Record<string, string>;
  onClose: () => void;
  children: ReactNode;
  'data-testid': string;
};

/** A modal that adds one record to a unit (a reading, a transfer, a contract) and reports the outcome. */
export function AddFormModal<V>({ open, title, form, initialValues, submit, success, fieldByCode, onClose, children, ...rest }: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues);
    setFormError(null);
    // Reset on opening only: the initial values are rebuilt on every render.
  }, [open]);

  const onOk = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the field errors
    }
    setSaving(true);
    setFormError(null);
    try {
      await submit(values);
      message.success(success);
      onClose();
    } catch (err) {
      const unmatched = applyServerErrors(form, toApiError(err, t('common.networkError')), fieldByCode);
      if (unmatched.length > 0) setFormError(unmatched.join('；'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      confirmLoading={saving}
      forceRender
      data-testid={rest['data-testid']}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="add-form-error" />}
      {children}
    </Modal>
  );
}

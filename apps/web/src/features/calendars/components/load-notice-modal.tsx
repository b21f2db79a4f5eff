import { useState } from 'react';
import { Alert, App, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { YearNoticeInput } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { testId } from '../../../shared/test-id';
import { useLoadNotice } from '../hooks/use-calendars';

const example = JSON.stringify(
  {
    year: 2027,
    version: '国办发明电〔2026〕X号',
    holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
    makeupWorkdays: [{ date: '2027-02-14', name: '春节' }],
  },
  null,
  2,
);

/** Pastes a year's notice as JSON; the server validates it and stores it as a new revision. */
export function LoadNoticeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const load = useLoadNotice();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  const submit = () => {
    let notice: YearNoticeInput;
    try {
      notice = JSON.parse(text) as YearNoticeInput;
    } catch {
      setErrors([t('calendars.notice.invalidJson')]);
      return;
    }
    load.mutate(notice, {
      onSuccess: (year) => {
        void message.success(t('calendars.years.loaded', { year: year.year, revision: year.revision }));
        setText('');
        setErrors([]);
        onClose();
      },
      onError: (err) => {
        const error = toApiError(err, t('common.networkError'));
        // Field issues name their place in the JSON, e.g. makeupWorkdays.0.date.
        const issues = error.issues.map((issue) => `${issue.path.filter((p) => p !== 'body').join('.')}: ${issue.message}`);
        setErrors([error.message, ...issues]);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('calendars.notice.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('calendars.notice.submit')}
      confirmLoading={load.isPending}
      okButtonProps={testId('notice-submit')}
      width={640}
      data-testid="notice-modal"
    >
      <Typography.Paragraph type="secondary">{t('calendars.notice.help')}</Typography.Paragraph>
      {errors.length > 0 && (
        <Alert type="error" showIcon title={errors[0]} description={errors.slice(1).map((e) => <div key={e}>{e}</div>)} style={{ marginBottom: 12 }} data-testid="notice-errors" />
      )}
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={example}
        autoSize={{ minRows: 10, maxRows: 24 }}
        style={{ fontFamily: 'monospace' }}
        aria-label={t('calendars.notice.json')}
        data-testid="notice-json"
      />
    </Modal>
  );
}

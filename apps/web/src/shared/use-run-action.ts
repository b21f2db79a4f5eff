import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error';

/** Runs a one-click action (deactivate, unlock…) and reports it in a toast: the success text or the server's message. */
export function useRunAction() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (action: Promise<unknown>, success: string) =>
    action.then(
      () => void message.success(success),
      (err: unknown) => void message.error(toApiError(err, t('common.networkError')).message),
    );
}

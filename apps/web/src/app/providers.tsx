import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { setUnauthorizedHandler } from '../api/http-client';
import { queryKeys } from '../api/query-keys';
import { markSessionExpired } from '../features/auth/session-expiry';
import { useLanguage } from '../shared/use-language';
import { createQueryClient } from '../api/query-client';

function useSessionLossHandler(queryClient: QueryClient): void {
  useEffect(() => {
    // A 401 in the middle of a session: forget the user; RequireAuth then sends them to login.
    setUnauthorizedHandler(() => {
      if (queryClient.getQueryData(queryKeys.me)) markSessionExpired();
      queryClient.setQueryData(queryKeys.me, null);
    });
  }, [queryClient]);
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const language = useLanguage();
  useSessionLossHandler(queryClient);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={language === 'en' ? enUS : zhCN}
        theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
      >
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

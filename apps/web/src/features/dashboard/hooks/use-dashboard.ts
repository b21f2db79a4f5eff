import { useQuery } from '@tanstack/react-query';
import { dashboardApi } from '../dashboard.api';

// Re-read every minute: the figures are what a manager leaves open on a second screen.
export const useDashboardSummary = () =>
  useQuery({ queryKey: ['dashboard', 'summary'], queryFn: ({ signal }) => dashboardApi.summary(signal), refetchInterval: 60_000 });

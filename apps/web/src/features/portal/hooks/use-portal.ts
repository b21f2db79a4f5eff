import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PortalConfirmInput, PortalMe } from '@sht/domain';
import { portalApi, portalKeys, setPortalCsrfToken, setPortalUnauthorizedHandler } from '../portal.api';

/** The logged-in customer (null when not logged in); keeps the client's CSRF token in step. */
export function usePortalMe() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: portalKeys.me, queryFn: portalApi.me, staleTime: 60_000 });
  useEffect(() => {
    if (query.data !== undefined) setPortalCsrfToken(query.data?.csrfToken ?? null);
  }, [query.data]);
  useEffect(() => {
    // A 401 mid-session (expired): forget the customer; the layout sends them to the login.
    setPortalUnauthorizedHandler(() => queryClient.setQueryData(portalKeys.me, null));
  }, [queryClient]);
  return query;
}

export function usePortalLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { phone: string; code: string }) => portalApi.login(v.phone, v.code),
    onSuccess: (me: PortalMe) => {
      setPortalCsrfToken(me.csrfToken);
      queryClient.setQueryData(portalKeys.me, me);
    },
  });
}

export function usePortalLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: portalApi.logout,
    onSettled: () => {
      setPortalCsrfToken(null);
      queryClient.removeQueries({ queryKey: ['portal'] });
      queryClient.setQueryData(portalKeys.me, null);
    },
  });
}

export const usePortalOrders = () => useQuery({ queryKey: portalKeys.orders, queryFn: portalApi.orders });

export const usePortalOrder = (id: string) => useQuery({ queryKey: portalKeys.order(id), queryFn: () => portalApi.order(id) });

export function usePortalConfirm(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PortalConfirmInput) => portalApi.confirm(id, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(portalKeys.order(id), detail);
      void queryClient.invalidateQueries({ queryKey: portalKeys.orders });
    },
  });
}

export const usePortalUnits = () => useQuery({ queryKey: portalKeys.units, queryFn: portalApi.units, staleTime: 5 * 60_000 });

export function usePortalCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: portalApi.createOrder,
    onSuccess: (detail) => {
      queryClient.setQueryData(portalKeys.order(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: portalKeys.orders });
    },
  });
}

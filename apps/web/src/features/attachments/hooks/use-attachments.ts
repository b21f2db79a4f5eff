import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentOwnerType } from '@sht/domain';
import { attachmentsApi } from '../attachments.api';

export const attachmentKeys = {
  owner: (ownerType: AttachmentOwnerType, ownerId: string) => ['attachments', ownerType, ownerId] as const,
  limits: ['attachments', 'limits'] as const,
};

export function useAttachments(ownerType: AttachmentOwnerType, ownerId: string) {
  return useQuery({
    queryKey: attachmentKeys.owner(ownerType, ownerId),
    queryFn: ({ signal }) => attachmentsApi.list(ownerType, ownerId, signal),
  });
}

export function useAttachmentLimits() {
  return useQuery({ queryKey: attachmentKeys.limits, queryFn: ({ signal }) => attachmentsApi.limits(signal), staleTime: Infinity });
}

export function useDeleteAttachment(ownerType: AttachmentOwnerType, ownerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: attachmentsApi.remove,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentKeys.owner(ownerType, ownerId) }),
  });
}

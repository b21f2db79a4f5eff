import { z } from 'zod';
import { idSchema } from '../common/common.schemas.js';

// Files attached to a record: a unit's proof of purchase (发票 / 三包凭证), later a work order's
// photos, video, PDFs and the customer's signature. An owner type names the record kind.
export const attachmentOwnerTypes = ['equipment', 'work_order'] as const;
export const attachmentOwnerTypeSchema = z.enum(attachmentOwnerTypes);
export type AttachmentOwnerType = z.infer<typeof attachmentOwnerTypeSchema>;

export const attachmentPurposes = ['invoice', 'warranty_card', 'photo', 'video', 'document', 'signature'] as const;
export const attachmentPurposeSchema = z.enum(attachmentPurposes);
export type AttachmentPurpose = z.infer<typeof attachmentPurposeSchema>;

// The types the server recognises by their first bytes; the client's Content-Type is ignored.
export const attachmentContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4', 'video/quicktime'] as const;
export const attachmentContentTypeSchema = z.enum(attachmentContentTypes);
export type AttachmentContentType = z.infer<typeof attachmentContentTypeSchema>;

/** The form fields sent with the file (multipart), before it. */
export const uploadAttachmentFieldsSchema = z.object({
  ownerType: attachmentOwnerTypeSchema,
  ownerId: idSchema,
  purpose: attachmentPurposeSchema,
});
export type UploadAttachmentFields = z.infer<typeof uploadAttachmentFieldsSchema>;

export const listAttachmentsQuerySchema = z.object({
  ownerType: attachmentOwnerTypeSchema,
  ownerId: idSchema,
  purpose: attachmentPurposeSchema.optional(),
});
export type ListAttachmentsQuery = z.infer<typeof listAttachmentsQuerySchema>;

export const attachmentContentQuerySchema = z.object({
  // 1 = save as a file (Content-Disposition: attachment); otherwise shown inline (previews).
  download: z.enum(['0', '1']).optional(),
});

export const attachmentSchema = z.object({
  id: z.string(),
  ownerType: attachmentOwnerTypeSchema,
  ownerId: z.string(),
  purpose: attachmentPurposeSchema,
  fileName: z.string(),
  contentType: attachmentContentTypeSchema,
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

// One owner holds a bounded number of files (see ATTACHMENT_LIMITS.perOwner), so no paging.
export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) });
export type AttachmentList = z.infer<typeof attachmentListSchema>;

/** The configured size limits, so a client can refuse a too-large file before sending it. */
export const attachmentLimitsSchema = z.object({ maxBytes: z.number().int(), videoMaxBytes: z.number().int() });

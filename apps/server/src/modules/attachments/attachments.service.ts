import { Readable } from 'node:stream';
import {
  attachmentPurposeNames, can, cleanFileName, contentTypeNames, largestAttachmentBytes, maxBytesFor, purposeContentTypes,
  sniffContentType, uploadAttachmentFieldsSchema, ATTACHMENTS_PER_OWNER,
  type Attachment, type AttachmentContentType, type AttachmentList, type AttachmentOwnerType, type AttachmentPurpose,
  type AttachmentSizeLimits, type ListAttachmentsQuery,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { attachmentErrors } from './attachments.errors.js';
import { attachmentOwners, type AttachmentOwner } from './attachments.owners.js';
import * as repo from './attachments.repository.js';
import { CHUNK_BYTES, receiveFile } from './attachments.upload.js';

export type Upload = { fields: Record<string, unknown>; fileName: string; stream: Readable & { truncated?: boolean } };
export type ByteRange = { start: number; end: number }; // inclusive, as in HTTP

const toAttachment = (r: repo.AttachmentRow): Attachment => ({
  id: r.id, ownerType: r.owner_type as AttachmentOwnerType, ownerId: r.owner_id, purpose: r.purpose as AttachmentPurpose, fileName: r.file_name,
  contentType: r.content_type as AttachmentContentType, sizeBytes: Number(r.size_bytes), sha256: r.sha256, uploadedBy: r.uploaded_by,
  uploadedByName: r.uploaded_by_name, uploadedAt: r.uploaded_at,
});
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const purposeParams = (p: AttachmentPurpose) => ({ purposeZh: attachmentPurposeNames[p]['zh-CN'], purposeEn: attachmentPurposeNames[p].en });

/** The owner, if the caller may read (or write) its files: 403 for the role, 404 out of scope. */
async function loadOwner(db: Db, ctx: ServiceContext, type: AttachmentOwnerType, id: string, access: 'read' | 'write'): Promise<AttachmentOwner> {
  const kind = attachmentOwners[type];
  const needed = kind[access];
  const allowed = typeof needed === 'string' ? can(ctx.actor.roles, needed) : needed.some((p) => can(ctx.actor.roles, p));
  if (!allowed) throw httpErrors.FORBIDDEN();
  const owner = await kind.find(db, ctx.actor.scope, id);
  if (!owner) throw attachmentErrors.ATTACHMENT_OWNER_NOT_FOUND();
  return owner;
}

/** An attachment the caller may see: its owner must still be in the caller's scope. */
async function loadAttachment(db: Db, ctx: ServiceContext, id: string, access: 'read' | 'write'): Promise<{ row: repo.AttachmentRow; owner: AttachmentOwner }> {
  const row = await repo.findAttachment(db, id);
  if (!row) throw attachmentErrors.ATTACHMENT_NOT_FOUND();
  const owner = await loadOwner(db, ctx, row.owner_type as AttachmentOwnerType, row.owner_id, access).catch((err: unknown) => {
    throw err instanceof Error && 'code' in err && err.code === 'ATTACHMENT_OWNER_NOT_FOUND' ? attachmentErrors.ATTACHMENT_NOT_FOUND() : err;
  });
  return { row, owner };
}

// Answers come before the bytes are read; what is left of the upload is drained, not stored.
function refuse(upload: Upload, err: Error): never {
  upload.stream.resume();
  throw err;
}

/** Checks the fields, the owner, the type (by content) and the size; stores all or nothing. */
export async function uploadAttachment(db: Db, ctx: ServiceContext, upload: Upload, limits: AttachmentSizeLimits): Promise<Attachment> {
  const parsed = uploadAttachmentFieldsSchema.safeParse(upload.fields);
  if (!parsed.success) {
    refuse(upload, attachmentErrors.ATTACHMENT_FIELDS_INVALID({}, { issues: parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)], message: i.message })) }));
  }
  const { ownerType, ownerId, purpose } = parsed.data;
  const owner = await loadOwner(db, ctx, ownerType, ownerId, 'write').catch((err: Error) => refuse(upload, err));
  if (!attachmentOwners[ownerType].purposes.includes(purpose)) refuse(upload, attachmentErrors.ATTACHMENT_PURPOSE_NOT_ALLOWED(purposeParams(purpose)));
  if ((await repo.countForOwner(db, ownerType, ownerId)) >= ATTACHMENTS_PER_OWNER) refuse(upload, attachmentErrors.ATTACHMENT_OWNER_FULL({ max: ATTACHMENTS_PER_OWNER }));

  const maxBytes = Math.min(maxBytesFor(purpose, limits), largestAttachmentBytes(limits));
  const file = await receiveFile(upload.stream, maxBytes);
  if (file.isTooLarge) throw attachmentErrors.ATTACHMENT_TOO_LARGE({ maxMb: mb(maxBytes) });
  if (file.size === 0) throw attachmentErrors.ATTACHMENT_EMPTY();
  const detected = sniffContentType(file.head);
  if (!detected) throw attachmentErrors.ATTACHMENT_TYPE_UNRECOGNISED();
  const allowed = purposeContentTypes[purpose];
  if (!allowed.includes(detected)) {
    throw attachmentErrors.ATTACHMENT_TYPE_NOT_ALLOWED({ ...purposeParams(purpose), allowed: allowed.map((t) => contentTypeNames[t]).join('/'), detected: contentTypeNames[detected] });
  }

  const id = newId();
  const row = {
    id, owner_type: ownerType, owner_id: ownerId, purpose, file_name: cleanFileName(upload.fileName, detected), content_type: detected,
    size_bytes: file.size, sha256: file.sha256, chunk_size: CHUNK_BYTES, chunk_count: file.chunks.length, org_path: owner.orgPath,
    uploaded_by: ctx.actor.userId, uploaded_at: ctx.now.toISOString(), deleted_at: null, deleted_by: null,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertAttachment(trx, row, file.chunks);
    const { chunk_size: _size, chunk_count: _count, deleted_at: _at, deleted_by: _by, ...after } = row;
    await recordAudit(trx, ctx, { entityType: 'attachment', entityId: id, orgPath: owner.orgPath, action: 'create', after });
  });
  return toAttachment({ ...row, uploaded_by_name: ctx.actor.name });
}

export async function listAttachments(db: Db, ctx: ServiceContext, q: ListAttachmentsQuery): Promise<AttachmentList> {
  await loadOwner(db, ctx, q.ownerType, q.ownerId, 'read');
  return { items: (await repo.listForOwner(db, q.ownerType, q.ownerId, q.purpose)).map(toAttachment) };
}

export type AttachmentContent = { attachment: Attachment; range: ByteRange | null; body: Readable };

/**
 * The bytes of an attachment (or of one range of them), streamed a few stored pieces at a time.
 * `pickRange` sees the size and returns the range to send, null for all of it.
 */
export async function openAttachmentContent(
  db: Db, ctx: ServiceContext, id: string, pickRange: (size: number) => ByteRange | null = () => null,
): Promise<AttachmentContent> {
  const { row } = await loadAttachment(db, ctx, id, 'read');
  const attachment = toAttachment(row);
  const range = pickRange(attachment.sizeBytes);
  const start = range?.start ?? 0;
  const end = range?.end ?? attachment.sizeBytes - 1;
  return { attachment, range, body: Readable.from(readPieces(db, row.id, row.chunk_size, start, end)) };
}

async function* readPieces(db: Db, id: string, chunkSize: number, start: number, end: number): AsyncGenerator<Buffer> {
  const batch = 4; // pieces per query: 2 MB at a time
  const last = Math.floor(end / chunkSize);
  for (let first = Math.floor(start / chunkSize); first <= last; first += batch) {
    const pieces = await repo.readChunks(db, id, first, Math.min(first + batch - 1, last));
    for (const [i, data] of pieces.entries()) {
      const offset = (first + i) * chunkSize;
      const from = Math.max(start - offset, 0);
      const to = Math.min(end - offset + 1, data.length);
      yield Buffer.from(data.buffer, data.byteOffset + from, to - from);
    }
  }
}

export async function deleteAttachment(db: Db, ctx: ServiceContext, id: string): Promise<void> {
  const { row, owner } = await loadAttachment(db, ctx, id, 'write');
  await db.transaction().execute(async (trx) => {
    if (!(await repo.markDeleted(trx, id, ctx.actor.userId, ctx.now.toISOString()))) throw attachmentErrors.ATTACHMENT_NOT_FOUND();
    await recordAudit(trx, ctx, { entityType: 'attachment', entityId: id, orgPath: owner.orgPath, action: 'delete', before: toAttachment(row) });
  });
}

import type { AttachmentOwnerType, AttachmentPurpose } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { AttachmentChunksTable, AttachmentsTable } from '../../db/schema.js';

// Attachment rows carry no scope of their own that could be trusted: a unit can change owner
// (and org) after a file was attached. Every caller of these functions has first found the
// owner through its module's scoped lookup (attachments.owners.ts), or finds it right after.

const columns = [
  'attachments.id', 'attachments.owner_type', 'attachments.owner_id', 'attachments.purpose', 'attachments.file_name',
  'attachments.content_type', 'attachments.size_bytes', 'attachments.sha256', 'attachments.chunk_size', 'attachments.chunk_count',
  'attachments.org_path', 'attachments.uploaded_by', 'attachments.uploaded_at', 'users.name as uploaded_by_name',
] as const;

function live(db: Db) {
  return db.selectFrom('attachments').leftJoin('users', 'users.id', 'attachments.uploaded_by').where('attachments.deleted_at', 'is', null);
}

export function findAttachment(db: Db, id: string) {
  return live(db).select(columns).where('attachments.id', '=', id).executeTakeFirst();
}
export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

export function listForOwner(db: Db, ownerType: AttachmentOwnerType, ownerId: string, purpose?: AttachmentPurpose): Promise<AttachmentRow[]> {
  let q = live(db).select(columns).where('attachments.owner_type', '=', ownerType).where('attachments.owner_id', '=', ownerId);
  if (purpose) q = q.where('attachments.purpose', '=', purpose);
  return q.orderBy('attachments.uploaded_at').orderBy('attachments.id').execute();
}

export async function countForOwner(db: Db, ownerType: AttachmentOwnerType, ownerId: string): Promise<number> {
  const row = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_type', '=', ownerType).where('owner_id', '=', ownerId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAttachment(db: Db, row: AttachmentsTable, chunks: readonly Uint8Array[]): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
  // One piece per statement: a batch of large blobs would only make one huge statement.
  for (const [seq, data] of chunks.entries()) {
    const chunk: AttachmentChunksTable = { attachment_id: row.id, seq, data };
    await db.insertInto('attachment_chunks').values(chunk).execute();
  }
}

/** Pieces first..last (inclusive), in order. */
export async function readChunks(db: Db, attachmentId: string, first: number, last: number): Promise<Uint8Array[]> {
  const rows = await db.selectFrom('attachment_chunks').select(['seq', 'data']).where('attachment_id', '=', attachmentId)
    .where('seq', '>=', first).where('seq', '<=', last).orderBy('seq').execute();
  return rows.map((r) => r.data);
}

/** Soft delete: the row and its bytes stay for the audit trail; false when already gone. */
export async function markDeleted(db: Db, id: string, by: string, at: string): Promise<boolean> {
  const res = await db.updateTable('attachments').set({ deleted_at: at, deleted_by: by }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

import type { AttachmentOwnerType, AttachmentPurpose, Permission, Scope } from '@sht/domain';
import type { Db } from '../../db/database.js';
import { findUnit } from '../equipment/equipment.repository.js';
import { findOrder } from '../workorders/workorders.repository.js';

/** What the attachments module needs to know about the record a file belongs to. */
export type AttachmentOwner = { orgPath: string };

export type AttachmentOwnerKind = {
  read: Permission; // to list and download its files
  write: Permission | readonly Permission[]; // to upload and delete them (any one of these)
  purposes: readonly AttachmentPurpose[];
  /** The owner if it exists and lies in the caller's scope; undefined otherwise (answered 404). */
  find(db: Db, scope: Scope, id: string): Promise<AttachmentOwner | undefined>;
};

// One entry per kind of record that takes files. A new kind (e.g. work orders) adds its name to
// attachmentOwnerTypes in @sht/domain and one entry here, with its own scoped lookup.
export const attachmentOwners: Record<AttachmentOwnerType, AttachmentOwnerKind> = {
  // A unit's proof of purchase (发票 / 三包凭证), nameplate photos and papers; scope follows the unit.
  equipment: {
    read: 'equipment.read',
    write: 'equipment.write',
    purposes: ['invoice', 'warranty_card', 'photo', 'document'],
    async find(db, scope, id) {
      const unit = await findUnit(db, scope, id);
      return unit ? { orgPath: unit.org_path } : undefined;
    },
  },
  // Photos and video of the fault, documents, and the customer's signature drawn on site; scope
  // follows the order's responsible org.
  work_order: {
    read: 'workorder.read',
    // Technicians on site and the desk staff who write the report with the customer present.
    write: ['workorder.field', 'workorder.write'],
    purposes: ['photo', 'video', 'document', 'signature'],
    async find(db, scope, id) {
      const order = await findOrder(db, scope, '', id);
      return order ? { orgPath: order.org_path } : undefined;
    },
  },
};

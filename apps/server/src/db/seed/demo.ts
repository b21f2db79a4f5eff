import { randomBytes } from 'node:crypto';
import { childPath } from '@sht/domain';
import type { Db } from '../database.js';
import { newId } from '../ids.js';
import { hashPassword } from '../../modules/auth/auth.crypto.js';
import { demoOrgs, demoUsers } from './demo-data.js';
import { seedDemoCustomers } from './demo-customers.js';
import { seedDemoEquipment } from './demo-equipment.js';
import { seedDemoCalendars } from './demo-calendars.js';
import { seedDemoWorkOrders } from './demo-workorders.js';
import { seedDemoSurveys } from './demo-surveys.js';
import { seedDemoFeedback } from './demo-feedback.js';

export type SeedResult = { seeded: boolean; password?: string; logins: { username: string; name: string; roles: string[]; org: string }[] };

export async function isSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export function generatePassword(): string {
  // Letters and digits, always at least one of each (the password rule).
  return `Sht${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}${Math.floor(Math.random() * 90 + 10)}`;
}

/** Seeds the demo organisation and users once; a database that has orgs is left alone. */
export async function seedDemo(db: Db, password: string, now = new Date()): Promise<SeedResult> {
  if (await isSeeded(db)) return { seeded: false, logins: [] };
  const passwordHash = await hashPassword(password);
  const at = now.toISOString();
  const ids = new Map<string, { id: string; path: string; depth: number; name: string }>();
  await db.transaction().execute(async (trx) => {
    for (const o of demoOrgs) {
      const id = newId();
      const parent = o.parent ? ids.get(o.parent) : undefined;
      const path = parent ? childPath(parent.path, id) : `/${id}/`;
      const depth = parent ? parent.depth + 1 : 0;
      ids.set(o.key, { id, path, depth, name: o.name });
      await trx.insertInto('orgs').values({
        id, parent_id: parent?.id ?? null, path, depth, kind: o.kind, code: o.code, name: o.name, province: o.province,
        city: o.city, address: o.address, contact_name: o.contactName, contact_phone: o.contactPhone,
        service_level: o.serviceLevel, is_active: 1, version: 1, created_at: at, updated_at: at,
      }).execute();
    }
    for (const u of demoUsers) {
      const id = newId();
      const org = ids.get(u.org);
      if (!org) throw new Error(`demo user ${u.username} has unknown org ${u.org}`);
      await trx.insertInto('users').values({
        id, org_id: org.id, username: u.username, name: u.name, phone: u.phone, email: null, password_hash: passwordHash,
        is_active: 1, must_change_password: 0, failed_logins: 0, locked_until: null, last_login_at: null, version: 1,
        created_at: at, updated_at: at,
      }).execute();
      await trx.insertInto('user_roles').values(u.roles.map((role) => ({ user_id: id, role }))).execute();
    }
    await seedDemoCustomers(trx, ids, now);
    await seedDemoEquipment(trx, now);
    await seedDemoCalendars(trx, ids, now);
    await seedDemoSurveys(trx, now);
    await trx.insertInto('app_meta').values({ key: 'demo_seeded_at', value: at }).execute();
  });
  // Work orders go through the services (their own transactions), after the network exists.
  await seedDemoWorkOrders(db, now);
  await seedDemoFeedback(db, now); // callbacks, recovery cases and a year of survey answers, through the same services
  return {
    seeded: true,
    password,
    logins: demoUsers.map((u) => ({ username: u.username, name: u.name, roles: u.roles, org: ids.get(u.org)?.name ?? '' })),
  };
}

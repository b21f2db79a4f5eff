import { calendarDefinitionSchema, type CalendarDefinitionInput } from '@sht/domain';
import type { Db } from '../database.js';
import { newId } from '../ids.js';
import { syncBuiltInHolidayNotices } from '../../modules/calendars/calendars.holidays.service.js';

// Demo calendars on top of the default China office hours and the 24×7 calendar the migration
// creates: the south-west region keeps later summer hours (its outlets inherit them) and the
// Suzhou outlet also works Saturday mornings in the farming season (农忙).

type OrgRef = { id: string };

const demoCalendars: { code: string; org: string; definition: CalendarDefinitionInput }[] = [
  {
    code: 'R-SW-SUMMER',
    org: 'sw',
    definition: {
      kind: 'business',
      name: '西南服务中心作息(夏令)',
      windows: [
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    },
  },
  {
    code: 'O-SZWZ-BUSY',
    org: 'o1',
    definition: {
      kind: 'business',
      name: '苏州吴中站农忙作息(周六上午值班)',
      windows: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:30' },
      ],
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      weekdayWindows: { '6': [{ start: '08:00', end: '12:00' }] },
    },
  },
];

export async function seedDemoCalendars(db: Db, orgs: ReadonlyMap<string, OrgRef>, now: Date): Promise<void> {
  await syncBuiltInHolidayNotices(db, now);
  const at = now.toISOString();
  for (const demo of demoCalendars) {
    const org = orgs.get(demo.org);
    if (!org) throw new Error(`demo calendar ${demo.code} has unknown org ${demo.org}`);
    const definition = calendarDefinitionSchema.parse(demo.definition);
    await db.insertInto('calendars').values({
      id: newId(), code: demo.code, name: definition.name, kind: definition.kind, time_zone: definition.timeZone,
      definition_json: JSON.stringify(definition), org_id: org.id, is_default: 0, version: 1, created_at: at, updated_at: at,
    }).execute();
  }
}

import type { calendarsZh } from './calendars.zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const calendarsEn: Widen<typeof calendarsZh> = {
  title: 'Business calendars',
  searchPlaceholder: 'Code or name',
  fields: {
    code: 'Code',
    name: 'Name',
    kind: 'Kind',
    org: 'Used by',
    isDefault: 'Default',
    coveredYears: 'Holiday years covered',
    timeZone: 'Time zone',
    windows: 'Working hours',
  },
  kind: { business: 'Working hours', '24x7': '24×7' },
  shared: 'Shared',
  defaultTag: 'Default',
  anyYear: 'Any year (no holidays apply)',
  month: {
    pick: 'Click a calendar in the table above to see its month view',
    title: '{{name}} — month',
    notCovered: 'This month cannot be shown',
    versions: 'Holiday data version: {{versions}}',
  },
  reason: { workday: 'Workday', weekend: 'Day off', holiday: 'Holiday', makeup_workday: 'Make-up workday' },
  short: { workday: 'Work', weekend: 'Off', holiday: 'Off', makeup_workday: 'Work' },
  years: {
    title: 'Statutory holidays and make-up workdays by year',
    year: 'Year',
    version: 'Version',
    revision: 'Revision',
    status: 'Status',
    current: 'In force',
    superseded: 'Older version (kept)',
    source: 'Source',
    builtin: 'Built-in data',
    admin: 'Loaded by an admin',
    counts: 'Holidays / make-up days',
    loadedAt: 'Loaded at',
    loadedBy: 'Loaded by',
    load: 'Load a year notice',
    loaded: 'Holidays of {{year}} loaded (revision {{revision}})',
  },
  notice: {
    title: 'Load a yearly holiday notice',
    help: "JSON following the State Council's notice: year, version (a new label per year), holidays (name, from, to) and makeupWorkdays (date, name). A year already loaded gets a new revision; older ones are kept.",
    json: 'Notice JSON',
    invalidJson: 'Not valid JSON',
    submit: 'Load',
  },
};

import type { techniciansZh } from './technicians.zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const techniciansEn: Widen<typeof techniciansZh> = {
  title: 'Technicians',
  hint: 'Skills, home base and coverage rank the dispatch suggestions',
  search: 'Find by name, unit or skill',
  empty: 'No active technicians in your units',
  editTitle: 'Technician profile: {{name}}',
  saved: 'Technician profile saved',
  versionConflict: 'Someone else changed this profile. Load the latest data and edit again.',
  gone: 'This technician is no longer in your scope',
  noCoverage: 'Anywhere',
  basePair: 'Enter both latitude and longitude, or neither',
  skillsHint: 'Model or product category codes; dispatch prefers the same model, then the same category',
  coverageHint: 'Provinces, cities or counties; empty means anywhere',
  fields: {
    name: 'Name',
    org: 'Unit',
    skills: 'Skills',
    coverage: 'Coverage',
    base: 'Home base',
    lat: 'Latitude',
    lng: 'Longitude',
    last: 'Last position',
    openJobs: 'Open jobs',
  },
};

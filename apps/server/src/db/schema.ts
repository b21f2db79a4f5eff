import type { Generated } from 'kysely';

// Booleans are written as 1/0 (both SQLite and PostgreSQL accept that) and read with Boolean().
type Bool = boolean | number;
// Instants are ISO-8601 UTC strings in and out (pg's timestamptz parser is set to return ISO).
type Instant = string;

export interface OrgsTable {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  kind: 'hq' | 'region' | 'outlet';
  code: string;
  name: string;
  province: string | null;
  city: string | null;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  service_level: 'A' | 'B' | 'C';
  is_active: Bool;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface UsersTable {
  id: string;
  org_id: string;
  username: string;
  name: string;
  phone: string | null;
  email: string | null;
  password_hash: string;
  is_active: Bool;
  must_change_password: Bool;
  failed_logins: number;
  locked_until: Instant | null;
  last_login_at: Instant | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie value; the raw token is never stored
  user_id: string;
  csrf_token: string;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Instant;
  last_used_at: Instant | null;
  expires_at: Instant | null;
  revoked_at: Instant | null;
}

export interface AuditLogTable {
  id: string;
  at: Instant;
  actor_id: string | null;
  actor_name: string | null;
  org_path: string; // path of the org the entity belongs to: audit is scoped like the data
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface CustomersTable {
  id: string;
  org_id: string;
  kind: 'individual' | 'organization';
  name: string;
  name_pinyin: string; // primary reading, for sorting and display
  name_initials: string;
  province_code: string | null;
  province_name: string | null;
  city_code: string | null;
  city_name: string | null;
  county_code: string | null;
  county_name: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  source: 'hotline' | 'web' | 'outlet' | 'sales' | 'import' | 'referral' | 'exhibition' | 'other';
  grade: 'A' | 'B' | 'C' | null;
  notes: string | null;
  is_active: Bool;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface CustomerContactsTable {
  id: string;
  customer_id: string;
  position: number;
  name: string;
  title: string | null;
  is_primary: Bool;
}

export interface CustomerPhonesTable {
  contact_id: string;
  position: number;
  customer_id: string;
  phone: string; // as entered
  digits: string; // normalised (no punctuation, no +86), for duplicate detection
}

export interface CustomerTagsTable {
  customer_id: string;
  tag: string;
}

export interface CustomerSearchTermsTable {
  kind: 'n' | 'p' | 'd';
  term: string;
  customer_id: string;
}

export interface Database {
  orgs: OrgsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
  customer_phones: CustomerPhonesTable;
  customer_tags: CustomerTagsTable;
  customer_search_terms: CustomerSearchTermsTable;
}

export type { Generated };

import type { Generated } from 'kysely';
import type { SurveyAudience, SurveySchedule } from '@sht/domain';
import type { NotificationKind, OrgKind, OutboxChannel, OutboxStatus } from '@sht/domain';
import type { ComplaintCategory, ServiceLevel, SlaState, SlaTargetKind, WorkOrderAction, WorkOrderChannel, WorkOrderPriority, WorkOrderStatus, WorkOrderType } from '@sht/domain';

// Booleans are written as 1/0 (both SQLite and PostgreSQL accept that) and read with Boolean().
type Bool = boolean | number;
// Instants are ISO-8601 UTC strings in and out (pg's timestamptz parser is set to return ISO).
type Instant = string;

export interface OrgsTable {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  kind: OrgKind;
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

export interface ProductCategoriesTable {
  id: string;
  code: string;
  name: string;
  policy_json: string | null; // a WarrantyPolicy, validated by warrantyPolicySchema
  is_active: Bool;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProductModelsTable {
  id: string;
  code: string;
  name: string;
  category_id: string;
  meter_kind: 'hours' | 'km' | 'none';
  main_parts_json: string; // [{ code, name }]
  policy_json: string | null; // overrides the category's
  is_active: Bool;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface SparePartsTable {
  id: string;
  code: string;
  name: string;
  unit: string;
  price_fen: number | string; // bigint: pg returns a string
  is_wear_part: Bool;
  is_active: Bool;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface SparePartModelsTable {
  part_id: string;
  model_id: string;
}

export interface EquipmentUnitsTable {
  id: string;
  serial_no: string;
  model_id: string;
  customer_id: string; // the owner; its owning org decides the unit's scope
  outlet_org_id: string | null;
  site_address: string | null;
  site_province_code: string | null;
  site_city_code: string | null;
  site_county_code: string | null;
  sale_date: string; // YYYY-MM-DD
  delivery_date: string | null;
  installation_date: string | null;
  acceptance_date: string | null;
  warranty_start_event: 'sale' | 'installation' | 'acceptance' | null;
  status: 'in_service' | 'idle' | 'under_repair' | 'stored' | 'scrapped';
  notes: string | null;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface EquipmentReadingsTable {
  id: string;
  unit_id: string;
  reading_date: string;
  value: number;
  note: string | null;
  recorded_by: string | null;
  created_at: Instant;
}

export interface EquipmentTransfersTable {
  id: string;
  unit_id: string;
  from_customer_id: string;
  to_customer_id: string;
  transfer_date: string;
  note: string | null;
  recorded_by: string | null;
  created_at: Instant;
}

export interface EquipmentContractsTable {
  id: string;
  unit_id: string;
  kind: 'extended_warranty' | 'maintenance';
  contract_no: string;
  name: string;
  start_date: string;
  end_date: string;
  covered_parts_json: string | null;
  usage_limit: number | null;
  price_fen: number | string | null;
  created_at: Instant;
}

export interface ImportJobsTable {
  id: string;
  kind: 'equipment' | 'customers';
  status: 'checking' | 'previewed' | 'committing' | 'committed' | 'failed';
  file_name: string;
  total_rows: number;
  valid_rows: number;
  error_count: number;
  processed: number;
  created_count: number;
  updated_count: number;
  rows_json: string;
  summary_json: string;
  created_by: string;
  expires_at: Instant;
  created_at: Instant;
  updated_at: Instant;
}

export interface AttachmentsTable {
  id: string;
  owner_type: string;
  owner_id: string;
  purpose: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  chunk_size: number;
  chunk_count: number;
  org_path: string;
  uploaded_by: string | null;
  uploaded_at: Instant;
  deleted_at: Instant | null;
  deleted_by: string | null;
}

export interface AttachmentChunksTable {
  attachment_id: string;
  seq: number;
  data: Uint8Array; // Buffer when read, on both dialects
}

export interface CalendarsTable {
  id: string;
  code: string;
  name: string;
  kind: 'business' | '24x7';
  time_zone: string;
  definition_json: string;
  org_id: string | null;
  is_default: Bool;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface HolidayNoticesTable {
  id: string;
  year: number;
  revision: number;
  version: string;
  source: 'builtin' | 'admin';
  notice_json: string;
  loaded_at: Instant;
  loaded_by: string | null;
  loaded_by_name: string | null;
}

export interface SlaPoliciesTable {
  id: string;
  name: string;
  type: WorkOrderType | null;
  priority: WorkOrderPriority | null;
  service_level: ServiceLevel | null;
  response_minutes: number;
  arrival_minutes: number | null;
  resolution_minutes: number;
  all_hours: Bool;
  warn_share: number;
  is_active: Bool;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface CountersTable {
  key: string;
  value: number;
}

export interface WorkOrdersTable {
  id: string;
  number: string;
  type: WorkOrderType;
  priority: WorkOrderPriority;
  channel: WorkOrderChannel;
  status: WorkOrderStatus;
  resume_status: WorkOrderStatus | null;
  service_level: ServiceLevel;
  title: string;
  description: string;
  fault_category: string | null;
  fault_date: string;
  caller_name: string | null;
  caller_phone: string | null;
  site_address: string | null;
  customer_id: string;
  equipment_id: string | null;
  org_id: string;
  org_path: string;
  assignee_id: string | null;
  sla_policy_id: string | null;
  sla_response_minutes: number;
  sla_arrival_minutes: number | null;
  sla_resolution_minutes: number;
  sla_warn_share: number;
  sla_all_hours: Bool;
  calendar_id: string | null;
  diagnosis_json: string | null;
  complaint_category: ComplaintCategory | null;
  at_fault_org_id: string | null;
  routed_by_rule_id: string | null;
  complaint_response_json: string | null;
  is_repeat: Bool;
  repeat_of_id: string | null;
  reopen_count: number;
  resolved_at: Instant | null;
  response_due_at: Instant | null;
  arrival_due_at: Instant | null;
  resolution_due_at: Instant | null;
  next_sla_check_at: Instant | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

export interface WorkOrderEventsTable {
  id: string;
  work_order_id: string;
  seq: number;
  action: WorkOrderAction | 'create';
  from_status: WorkOrderStatus | null;
  to_status: WorkOrderStatus;
  at: Instant;
  actor_id: string | null;
  actor_name: string | null;
  note: string | null;
  data_json: string | null;
}

export interface ComplaintRulesTable {
  id: string;
  name: string;
  position: number;
  category: ComplaintCategory | null;
  region_org_id: string | null;
  customer_grade: 'A' | 'B' | 'C' | null;
  customer_tag: string | null;
  target_org_id: string;
  is_active: Bool;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface CompensationStandardsTable {
  id: string;
  code: string;
  name: string;
  liability: 'quality_defect' | 'misuse' | 'wear' | 'third_party' | 'undetermined' | null;
  kind: 'fixed' | 'percent_of_repair';
  amount_fen: number | string | null; // bigint: pg returns a string
  percent: number | null;
  is_active: Bool;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface TechnicianProfilesTable {
  user_id: string;
  skills_json: string;
  coverage_json: string;
  base_lat: number | null;
  base_lng: number | null;
  last_lat: number | null;
  last_lng: number | null;
  last_seen_at: Instant | null;
  version: number;
  updated_at: Instant;
}

export interface WorkOrderReportsTable {
  work_order_id: string;
  report_json: string; // a ServiceReport
  liability: string;
  is_warranty_repair: Bool;
  charged_fen: number | string; // bigint: pg returns a string
  submitted_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface WorkOrderPartsTable {
  id: string;
  work_order_id: string;
  part_id: string;
  quantity: number;
  price_fen: number | string;
  is_free: Bool;
  old_part_returned: Bool;
}

export interface WorkOrderSlaTable {
  work_order_id: string;
  kind: SlaTargetKind;
  cycle: number;
  target_minutes: number;
  start_at: Instant;
  state: SlaState;
  due_at: Instant | null;
  warn_at: Instant | null;
  stopped_at: Instant | null;
  warned_at: Instant | null;
  breached_at: Instant | null;
  warn_notified_at: Instant | null;
  breach_notified_at: Instant | null;
  calendar_versions: string; // JSON array
}

export interface NotificationsTable {
  id: string;
  user_id: string; // the recipient: only they see it
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null; // an app path, e.g. /work-orders/<id>
  entity_type: string | null;
  entity_id: string | null;
  created_at: Instant;
  read_at: Instant | null;
}

export interface NotificationOutboxTable {
  id: string;
  channel: OutboxChannel;
  to_address: string; // e-mail address or mobile number
  subject: string | null;
  body: string;
  link: string | null;
  notification_id: string | null;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Instant; // also the claim lease while a dispatcher is sending
  created_at: Instant;
  sent_at: Instant | null;
}

// Customer portal: one-time login codes (hash only) and the portal's own sessions.
export interface PortalOtpsTable {
  id: string;
  phone: string; // normalised digits
  code_hash: string;
  created_at: Instant;
  expires_at: Instant;
  attempts: number;
  consumed_at: Instant | null;
  ip: string | null;
}

export interface PortalSessionsTable {
  id: string; // sha256 of the cookie value
  phone: string;
  csrf_token: string;
  created_at: Instant;
  expires_at: Instant;
  ip: string | null;
  user_agent: string | null;
}

// 回访 and 服务补救 (migration 0011).
export interface CallbackPoliciesTable {
  service_level: ServiceLevel;
  share: number;
  delay_minutes: number;
  retry_minutes: string; // JSON array of minutes
  low_score_threshold: number;
  updated_at: Instant;
  version: number;
}

export interface CallbackTasksTable {
  id: string;
  kind: 'order' | 'recovery';
  status: 'pending' | 'completed' | 'unreachable' | 'refused' | 'wrong_number';
  work_order_id: string;
  recovery_case_id: string | null;
  customer_id: string;
  org_id: string;
  org_path: string;
  technician_id: string | null;
  service_level: ServiceLevel;
  assignee_id: string | null;
  due_at: Instant;
  next_attempt_at: Instant | null;
  attempts: number;
  max_attempts: number;
  answers_json: string | null;
  score: number | null;
  is_false_completion: Bool;
  completed_at: Instant | null;
  completed_by: string | null;
  overdue_notified_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

export interface CallbackAttemptsTable {
  id: string;
  task_id: string;
  seq: number;
  outcome: 'reached' | 'not_reached' | 'refused' | 'wrong_number';
  note: string | null;
  at: Instant;
  actor_id: string | null;
  actor_name: string | null;
}

export interface RecoveryCasesTable {
  id: string;
  source: 'callback' | 'survey';
  source_id: string;
  status: 'open' | 'follow_up' | 'succeeded' | 'failed';
  original_work_order_id: string | null;
  recovery_work_order_id: string;
  customer_id: string;
  org_path: string;
  score: number;
  reason: string;
  follow_up_task_id: string | null;
  follow_up_score: number | null;
  created_at: Instant;
  closed_at: Instant | null;
  version: number;
}

// 客户满意度调查 (migration 0012).
export interface SurveyTemplatesTable {
  id: string;
  family_id: string;
  version: number;
  is_current: Bool;
  name: string;
  audience: SurveyAudience;
  description: string;
  questions_json: string; // SurveyQuestion[]
  is_active: Bool;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface SurveyCampaignsTable {
  id: string;
  name: string;
  template_id: string;
  audience: SurveyAudience;
  org_id: string;
  org_path: string;
  schedule: SurveySchedule;
  target_json: string; // SurveyTarget
  sample_share: number;
  seed: number;
  expires_days: number;
  max_reminders: number;
  remind_after_days: number;
  status: 'draft' | 'active' | 'closed';
  current_period: string | null;
  next_run_at: Instant | null;
  launched_at: Instant | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

export interface SurveyInvitationsTable {
  id: string;
  campaign_id: string;
  period: string;
  respondent_key: string;
  customer_id: string | null;
  user_id: string | null;
  outlet_org_id: string | null;
  work_order_id: string | null;
  technician_id: string | null;
  model_id: string | null;
  order_type: string | null;
  respondent_name: string;
  phone: string | null;
  email: string | null;
  region_code: string | null;
  org_path: string;
  sent_at: Instant;
  expires_at: Instant;
  reminded_count: number;
  next_reminder_at: Instant | null;
  answered_at: Instant | null;
}

export interface SurveyTokensTable {
  token_hash: string;
  invitation_id: string;
  issued_at: Instant;
}

export interface SurveyResponsesTable {
  id: string;
  invitation_id: string;
  campaign_id: string;
  template_id: string;
  audience: SurveyAudience;
  answered_at: Instant;
  month: string;
  region_code: string | null;
  org_path: string;
  outlet_org_id: string | null;
  technician_id: string | null;
  model_id: string | null;
  order_type: string | null;
  work_order_id: string | null;
  customer_id: string | null;
  score: number | null;
  nps: number | null;
  level: string | null;
  comment: string | null;
  recovery_work_order_id: string | null;
}

export interface SurveyAnswersTable {
  id: string;
  response_id: string;
  campaign_id: string;
  template_id: string;
  question_id: string;
  question_kind: string;
  dimension: string | null;
  pair: string | null;
  raw: number | null;
  score: number | null;
  choice_json: string | null;
  text_value: string | null;
  audience: SurveyAudience;
  month: string;
  answered_at: Instant;
  region_code: string | null;
  org_path: string;
  outlet_org_id: string | null;
  technician_id: string | null;
  model_id: string | null;
  order_type: string | null;
}

// Counts of scored survey answers per analysis key, kept by triggers (migration 0013); '' = null.
export interface SurveyAnswerCountsTable {
  month: string;
  dimension: string;
  pair: string;
  question_kind: string;
  score: number;
  region_code: string;
  org_path: string;
  outlet_org_id: string;
  audience: SurveyAudience;
  campaign_id: string;
  n: number;
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
  product_categories: ProductCategoriesTable;
  product_models: ProductModelsTable;
  spare_parts: SparePartsTable;
  spare_part_models: SparePartModelsTable;
  equipment_units: EquipmentUnitsTable;
  equipment_readings: EquipmentReadingsTable;
  equipment_transfers: EquipmentTransfersTable;
  equipment_contracts: EquipmentContractsTable;
  import_jobs: ImportJobsTable;
  attachments: AttachmentsTable;
  attachment_chunks: AttachmentChunksTable;
  calendars: CalendarsTable;
  holiday_notices: HolidayNoticesTable;
  sla_policies: SlaPoliciesTable;
  counters: CountersTable;
  work_orders: WorkOrdersTable;
  work_order_events: WorkOrderEventsTable;
  work_order_sla: WorkOrderSlaTable;
  work_order_reports: WorkOrderReportsTable;
  work_order_parts: WorkOrderPartsTable;
  complaint_rules: ComplaintRulesTable;
  technician_profiles: TechnicianProfilesTable;
  compensation_standards: CompensationStandardsTable;
  notifications: NotificationsTable;
  notification_outbox: NotificationOutboxTable;
  portal_otps: PortalOtpsTable;
  portal_sessions: PortalSessionsTable;
  callback_policies: CallbackPoliciesTable;
  callback_tasks: CallbackTasksTable;
  callback_attempts: CallbackAttemptsTable;
  recovery_cases: RecoveryCasesTable;
  survey_templates: SurveyTemplatesTable;
  survey_campaigns: SurveyCampaignsTable;
  survey_invitations: SurveyInvitationsTable;
  survey_tokens: SurveyTokensTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  survey_answer_counts: SurveyAnswerCountsTable;
}

export type { Generated };

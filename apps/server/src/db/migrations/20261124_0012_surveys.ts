import { sql, type Kysely } from 'kysely';
import { instantType, isPostgres } from './migration-helpers.js';

// Satisfaction surveys (客户满意度调查表): templates (versioned once used), campaigns, personal
// invitations with signed links (only token hashes stored), and the answers, one row per question
// denormalised for analysis (contract 2 of issue 5).
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);
  await db.schema
    .createTable('survey_templates')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('family_id', 'varchar(36)', (c) => c.notNull()) // all versions of one template
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull()) // the version an edit starts from
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('questions_json', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('survey_templates_family_version_uq', ['family_id', 'version'])
    .execute();
  await db.schema.createIndex('survey_templates_current_idx').on('survey_templates').columns(['is_current', 'name']).execute();

  await db.schema
    .createTable('survey_campaigns')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('template_id', 'varchar(36)', (c) => c.notNull().references('survey_templates.id'))
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('orgs.id')) // the owning (creator's) org
    .addColumn('org_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('schedule', 'varchar(20)', (c) => c.notNull())
    .addColumn('target_json', 'text', (c) => c.notNull())
    .addColumn('sample_share', 'real', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('expires_days', 'integer', (c) => c.notNull())
    .addColumn('max_reminders', 'integer', (c) => c.notNull())
    .addColumn('remind_after_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('current_period', 'varchar(10)')
    .addColumn('next_run_at', ts)
    .addColumn('launched_at', ts)
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_campaigns_org_path_idx').on('survey_campaigns').column('org_path').execute();
  await db.schema.createIndex('survey_campaigns_next_run_idx').on('survey_campaigns').column('next_run_at').execute();

  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull().references('survey_campaigns.id'))
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    // Who answers: a customer (by an order), an outlet's manager, or a staff user.
    .addColumn('respondent_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('customer_id', 'varchar(36)')
    .addColumn('user_id', 'varchar(36)')
    .addColumn('outlet_org_id', 'varchar(36)')
    .addColumn('work_order_id', 'varchar(36)')
    .addColumn('technician_id', 'varchar(36)')
    .addColumn('model_id', 'varchar(36)')
    .addColumn('order_type', 'varchar(30)')
    .addColumn('respondent_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('phone', 'varchar(30)')
    .addColumn('email', 'varchar(200)')
    .addColumn('region_code', 'varchar(6)')
    .addColumn('org_path', 'varchar(400)', (c) => c.notNull()) // the respondent's responsible org
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('reminded_count', 'integer', (c) => c.notNull())
    .addColumn('next_reminder_at', ts)
    .addColumn('answered_at', ts)
    .addUniqueConstraint('survey_invitations_respondent_uq', ['campaign_id', 'period', 'respondent_key'])
    .execute();
  await db.schema.createIndex('survey_invitations_campaign_idx').on('survey_invitations').columns(['campaign_id', 'sent_at']).execute();
  await db.schema.createIndex('survey_invitations_reminder_idx').on('survey_invitations').column('next_reminder_at').execute();

  // Every link sent (the first and the reminders' links stay valid); only SHA-256 of the token.
  await db.schema
    .createTable('survey_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('invitation_id', 'varchar(36)', (c) => c.notNull().references('survey_invitations.id'))
    .addColumn('issued_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_tokens_invitation_idx').on('survey_tokens').column('invitation_id').execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('invitation_id', 'varchar(36)', (c) => c.notNull().unique().references('survey_invitations.id')) // one answer per invitation
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('template_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('answered_at', ts, (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(6)')
    .addColumn('org_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('outlet_org_id', 'varchar(36)')
    .addColumn('technician_id', 'varchar(36)')
    .addColumn('model_id', 'varchar(36)')
    .addColumn('order_type', 'varchar(30)')
    .addColumn('work_order_id', 'varchar(36)')
    .addColumn('customer_id', 'varchar(36)')
    .addColumn('score', 'real')
    .addColumn('nps', 'integer')
    .addColumn('level', 'varchar(30)')
    .addColumn('comment', 'text')
    .addColumn('recovery_work_order_id', 'varchar(36)')
    .execute();
  await db.schema.createIndex('survey_responses_campaign_idx').on('survey_responses').columns(['campaign_id', 'answered_at']).execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('response_id', 'varchar(36)', (c) => c.notNull().references('survey_responses.id'))
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('template_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('question_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('question_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('dimension', 'varchar(20)')
    .addColumn('pair', 'varchar(20)')
    .addColumn('raw', 'real')
    .addColumn('score', 'real')
    .addColumn('choice_json', 'text')
    .addColumn('text_value', 'text')
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('answered_at', ts, (c) => c.notNull())
    .addColumn('region_code', 'varchar(6)')
    .addColumn('org_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('outlet_org_id', 'varchar(36)')
    .addColumn('technician_id', 'varchar(36)')
    .addColumn('model_id', 'varchar(36)')
    .addColumn('order_type', 'varchar(30)')
    .execute();
  await db.schema.createIndex('survey_answers_response_idx').on('survey_answers').column('response_id').execute();
  if (isPostgres(db)) await sql`create index survey_campaigns_path_pattern_idx on survey_campaigns (org_path varchar_pattern_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['survey_answers', 'survey_responses', 'survey_tokens', 'survey_invitations', 'survey_campaigns', 'survey_templates']) {
    await db.schema.dropTable(t).execute();
  }
}

import { sql, type Kysely } from 'kysely';
import { isPostgres } from './migration-helpers.js';

// Survey analysis rollup (modules/surveys/surveys.analysis.repository.ts). The analysis sums
// scored answers per (month, dimension, pair, kind, region, org path, outlet); a million answers
// scanned row by row took 0.7–1.8 s on a busy 2-core machine even from a covering index, so the
// counts are kept per key in survey_answer_counts by triggers on survey_answers (insert, update,
// delete: any writer, in its own transaction) and the analysis reads ~1/10 of the rows.
// Filters and groupings the rollup cannot answer (technician, model, order type: they would
// multiply its rows) read survey_answers itself. Nulls are stored as '' so the key can be unique.
// Goal: 1,000,000 answers by dimension × region × month in under 1 s (bench/surveys.bench.mjs).

const KEY = ['month', 'dimension', 'pair', 'question_kind', 'region_code', 'score', 'org_path', 'outlet_org_id', 'audience', 'campaign_id'] as const;
const keyList = KEY.join(', ');
const NULLABLE = new Set<string>(['dimension', 'pair', 'region_code', 'outlet_org_id']);

/** The key columns of a survey_answers row (`new.` / `old.` in a trigger, '' in a select). */
function keyOf(row: string): string[] {
  return KEY.map((c) => (NULLABLE.has(c) ? `coalesce(${row}${c}, '')` : `${row}${c}`));
}
const keyValues = (row: string) => keyOf(row).join(', ');
const keyMatch = (row: string) => keyOf(row).map((v, i) => `${KEY[i]} = ${v}`).join(' and ');

/** Recounts survey_answer_counts from survey_answers (the migration's backfill; bulk loaders call it after loading). */
export async function rebuildSurveyAnswerCounts(db: Kysely<unknown>): Promise<void> {
  await sql`delete from survey_answer_counts`.execute(db);
  await sql.raw(`insert into survey_answer_counts (${keyList}, n)
    select ${keyValues('')}, count(*) from survey_answers where score is not null group by ${keyValues('')}`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_answer_counts')
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('dimension', 'varchar(20)', (c) => c.notNull())
    .addColumn('pair', 'varchar(20)', (c) => c.notNull())
    .addColumn('question_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('org_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('outlet_org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    // In the GROUP BY order of the analysis ([month], dimension, pair, kind, region): SQLite reads
    // the table (without rowid: the key is the table) in group order, no sort, no lookups.
    .addPrimaryKeyConstraint('survey_answer_counts_pk', [...KEY])
    .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();

  const insertNew = `insert into survey_answer_counts (${keyList}, n) values (${keyValues('new.')}, 1)
    on conflict (${keyList}) do update set n = survey_answer_counts.n + 1`;
  const removeOld = `update survey_answer_counts set n = n - 1 where ${keyMatch('old.')}`;
  if (isPostgres(db)) {
    await sql.raw(`create function survey_answer_counts_apply() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') and old.score is not null then ${removeOld}; end if;
        if tg_op in ('INSERT', 'UPDATE') and new.score is not null then ${insertNew}; end if;
        return null;
      end $$`).execute(db);
    await sql`create trigger survey_answers_counts after insert or update or delete on survey_answers
      for each row execute function survey_answer_counts_apply()`.execute(db);
  } else {
    await sql.raw(`create trigger survey_answers_counts_insert after insert on survey_answers when new.score is not null
      begin ${insertNew}; end`).execute(db);
    await sql.raw(`create trigger survey_answers_counts_delete after delete on survey_answers when old.score is not null
      begin ${removeOld}; end`).execute(db);
    await sql.raw(`create trigger survey_answers_counts_update after update on survey_answers
      begin
        update survey_answer_counts set n = n - 1 where old.score is not null and ${keyMatch('old.')};
        insert into survey_answer_counts (${keyList}, n) select ${keyValues('new.')}, 1 where new.score is not null
          on conflict (${keyList}) do update set n = survey_answer_counts.n + 1;
      end`).execute(db);
  }
  await rebuildSurveyAnswerCounts(db);
  // The picks of dissatisfied respondents: from their responses to their choice answers only (one
  // or two per response, not all twenty). The repository repeats the condition literally.
  await sql`create index survey_answers_choice_idx on survey_answers (response_id, template_id, question_id, choice_json)
    where question_kind in ('single', 'multiple')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index survey_answers_choice_idx`.execute(db);
  if (isPostgres(db)) {
    await sql`drop trigger survey_answers_counts on survey_answers`.execute(db);
    await sql`drop function survey_answer_counts_apply()`.execute(db);
  } else {
    for (const t of ['insert', 'delete', 'update']) await sql.raw(`drop trigger survey_answers_counts_${t}`).execute(db);
  }
  await db.schema.dropTable('survey_answer_counts').execute();
}

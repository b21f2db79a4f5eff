import { z } from 'zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  // postgres://user:pass@host:5432/db — when set the app runs on PostgreSQL instead of SQLite.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
    .optional(),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DEMO_PASSWORD: z.string().min(8).optional(),
  SEED_DEMO: bool.default(true),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(8 * 60),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(7 * 24),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  // Seconds a resolved login is reused without asking the database (0 = always ask).
  ACTOR_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  BUSINESS_TIME_ZONE: z.string().default('Asia/Shanghai'),
  // Attachments: largest photo/scan/PDF and largest video, in bytes (signatures: at most 2 MB).
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  ATTACHMENT_VIDEO_MAX_BYTES: z.coerce.number().int().min(1024).max(2 * 1024 * 1024 * 1024).default(100 * 1024 * 1024),
  // A repair of the same unit within this many days of an earlier one counts as a repeat repair.
  REPEAT_REPAIR_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // Paid service rates for the charge sheet, in fen: labour per hour and travel per km.
  LABOUR_FEN_PER_HOUR: z.coerce.number().int().min(0).max(10_000_000).default(12_000),
  TRAVEL_FEN_PER_KM: z.coerce.number().int().min(0).max(100_000).default(300),
  // Notifications: e-mail goes through SMTP_URL (smtp:// or smtps://user:pass@host:port); unset,
  // e-mails are only logged. SMS has a development driver that logs the text.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' }).optional(),
  SMTP_FROM: z.string().min(3).default('售后通 <noreply@localhost>'),
  SMS_DRIVER: z.enum(['log']).default('log'),
  // Absolute address of the web app, for links in e-mails (e.g. https://service.example.com).
  PUBLIC_URL: z.url().optional(),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  // Customer portal: how long a portal login lasts, and (development/tests only) a file the SMS
  // log driver's login codes are also appended to, so a browser test can read them.
  PORTAL_SESSION_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  PORTAL_OTP_LOG_FILE: z.string().optional(),
  // Survey links are signed with this HMAC key; unset, a random key is made once and kept in the database.
  SURVEY_TOKEN_SECRET: z.string().min(32, { message: 'at least 32 characters' }).optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  pgPoolSize: number;
  demoPassword: string | undefined;
  seedDemo: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  actorCacheSeconds: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  webDist: string;
  businessTimeZone: string;
  attachments: { maxBytes: number; videoMaxBytes: number };
  repeatRepairDays: number;
  rates: { labourFenPerHour: number; travelFenPerKm: number };
  notifications: {
    smtpUrl: string | undefined;
    smtpFrom: string;
    smsDriver: 'log';
    publicUrl: string | undefined;
    maxAttempts: number;
    intervalSeconds: number;
  };
  portal: { sessionMinutes: number; otpLogFile: string | undefined };
  surveys: { tokenSecret: string | undefined };
};

/** Parses the environment; exits with a readable message instead of starting half-configured. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (e.g. `DATABASE_URL= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.PORTAL_OTP_LOG_FILE && e.NODE_ENV === 'production') throw new Error('Invalid configuration:\n  PORTAL_OTP_LOG_FILE: not allowed in production');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    pgPoolSize: e.PG_POOL_SIZE,
    demoPassword: e.DEMO_PASSWORD,
    seedDemo: e.SEED_DEMO,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    actorCacheSeconds: e.ACTOR_CACHE_SECONDS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST),
    businessTimeZone: e.BUSINESS_TIME_ZONE,
    attachments: { maxBytes: e.ATTACHMENT_MAX_BYTES, videoMaxBytes: e.ATTACHMENT_VIDEO_MAX_BYTES },
    repeatRepairDays: e.REPEAT_REPAIR_DAYS,
    rates: { labourFenPerHour: e.LABOUR_FEN_PER_HOUR, travelFenPerKm: e.TRAVEL_FEN_PER_KM },
    notifications: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      smsDriver: e.SMS_DRIVER,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      intervalSeconds: e.NOTIFY_INTERVAL_SECONDS,
    },
    portal: { sessionMinutes: e.PORTAL_SESSION_MINUTES, otpLogFile: e.PORTAL_OTP_LOG_FILE },
    surveys: { tokenSecret: e.SURVEY_TOKEN_SECRET },
  };
}

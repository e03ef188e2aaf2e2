import { z } from 'zod';

/**
 * Every environment variable Jobspor reads, validated once. Nothing else reads process.env
 * (a lint rule enforces it), so this file is the full list the README documents.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL connection string; without it Jobspor runs on embedded PGlite. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded PGlite keeps its files. */
  JOBSPOR_DATA_DIR: z.string().min(1).default('./data'),
  /** 32 random bytes, base64: encrypts CPR numbers and keys their lookup hash. */
  JOBSPOR_CPR_KEY: z.string().optional(),
  /** Seed the demo data set into an empty database (default: on for PGlite, off for PostgreSQL). */
  JOBSPOR_DEMO: z.enum(['true', 'false']).optional(),
  JOBSPOR_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Set "true" behind HTTPS so session cookies carry the Secure flag. */
  JOBSPOR_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** The address people reach Jobspor at from outside, e.g. https://jobspor.example.dk: links in SMS and e-mail. */
  JOBSPOR_PUBLIC_URL: z.string().url().optional(),
  /** Sync out (docs/sync-events.md): where joblog, CV and Min Plan changes go. 'none' keeps them in the outbox. */
  JOBSPOR_SYNC_SINK: z.enum(['none', 'http', 'file']).default('none'),
  /** The http sink's receiver: each event is POSTed there as JSON. */
  JOBSPOR_SYNC_HTTP_URL: z.string().url().optional(),
  /** The http sink's shared secret (16+ characters): signs each body (HMAC-SHA256) in X-Jobspor-Signature. */
  JOBSPOR_SYNC_HTTP_SECRET: z.string().min(16).optional(),
  /** The http sink gives up on one attempt after this many milliseconds. */
  JOBSPOR_SYNC_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** The file sink's folder (JSON lines, one file a day); default <JOBSPOR_DATA_DIR>/sync. */
  JOBSPOR_SYNC_FILE_DIR: z.string().min(1).optional(),
  /** How often the worker looks for events to deliver. */
  JOBSPOR_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** The first retry after a failed delivery waits this long; each next one twice as long (at most an hour). */
  JOBSPOR_SYNC_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** After this many failed attempts an event is marked failed and delivery moves on to the next. */
  JOBSPOR_SYNC_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** Idle minutes after which a jobseeker's portal session ends. */
  JOBSPOR_PORTAL_SESSION_MINUTES: z.coerce.number().int().positive().max(24 * 60).default(30),
  /** OpenID Connect for the portal (MitID through a broker): all four or none. See README. */
  JOBSPOR_PORTAL_OIDC_ISSUER: z.string().url().optional(),
  JOBSPOR_PORTAL_OIDC_CLIENT_ID: z.string().min(1).optional(),
  JOBSPOR_PORTAL_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  JOBSPOR_PORTAL_OIDC_REDIRECT_URI: z.string().url().optional(),
  /** Where e-mail goes: "outbox" keeps it in the app (the default), "smtp" sends it. */
  JOBSPOR_EMAIL_ADAPTER: z.enum(['outbox', 'smtp']).default('outbox'),
  /** SMTP server, e.g. smtp://user:password@mail.example.dk:587. */
  JOBSPOR_SMTP_URL: z.string().url().optional(),
  /** Sender of e-mail, e.g. "Jobspor <noreply@example.dk>". */
  JOBSPOR_MAIL_FROM: z.string().min(3).optional(),
  /** Where text messages go: "outbox" keeps them in the app (the default), "http" posts them to an SMS gateway. */
  JOBSPOR_SMS_ADAPTER: z.enum(['outbox', 'http']).default('outbox'),
  JOBSPOR_SMS_GATEWAY_URL: z.string().url().optional(),
  JOBSPOR_SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).superRefine((env, ctx) => {
  const oidc = ['JOBSPOR_PORTAL_OIDC_ISSUER', 'JOBSPOR_PORTAL_OIDC_CLIENT_ID', 'JOBSPOR_PORTAL_OIDC_CLIENT_SECRET', 'JOBSPOR_PORTAL_OIDC_REDIRECT_URI'] as const;
  const set = oidc.filter((k) => env[k] !== undefined);
  if (set.length > 0 && set.length < oidc.length) {
    for (const k of oidc.filter((k) => env[k] === undefined)) ctx.addIssue({ code: 'custom', path: [k], message: 'set all four JOBSPOR_PORTAL_OIDC_* variables, or none' });
  }
});

/** The portal's OpenID Connect settings, or null when not configured. */
export function portalOidcConfig(env: Env) {
  if (!env.JOBSPOR_PORTAL_OIDC_ISSUER || !env.JOBSPOR_PORTAL_OIDC_CLIENT_ID || !env.JOBSPOR_PORTAL_OIDC_CLIENT_SECRET || !env.JOBSPOR_PORTAL_OIDC_REDIRECT_URI) return null;
  return { issuer: env.JOBSPOR_PORTAL_OIDC_ISSUER, clientId: env.JOBSPOR_PORTAL_OIDC_CLIENT_ID, clientSecret: env.JOBSPOR_PORTAL_OIDC_CLIENT_SECRET, redirectUri: env.JOBSPOR_PORTAL_OIDC_REDIRECT_URI };
}

export type Env = z.infer<typeof ZEnv>;

function checkSync(env: Env): string[] {
  if (env.JOBSPOR_SYNC_SINK !== 'http') return [];
  const problems: string[] = [];
  if (!env.JOBSPOR_SYNC_HTTP_URL) problems.push('  JOBSPOR_SYNC_HTTP_URL: required when JOBSPOR_SYNC_SINK=http');
  if (!env.JOBSPOR_SYNC_HTTP_SECRET) problems.push('  JOBSPOR_SYNC_HTTP_SECRET: required when JOBSPOR_SYNC_SINK=http');
  return problems;
}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const sync = checkSync(parsed.data);
  if (sync.length > 0) throw new Error(`Invalid environment:\n${sync.join('\n')}`);
  return parsed.data;
}

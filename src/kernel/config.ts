import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  RELAIS_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  /** How often an idle pg-boss worker asks for jobs: the floor of a webhook's time to the screen. */
  RELAIS_JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  RELAIS_REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, 'letters, digits and : . - _').default('relais:'),
  RELAIS_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  RELAIS_PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RELAIS_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  RELAIS_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  RELAIS_WEBHOOK_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  RELAIS_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(12 * 60),
  RELAIS_SESSION_MAX_DAYS: z.coerce.number().int().min(1).default(14),
  RELAIS_SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** How long a running job stays held after its worker's last heartbeat (docs/adr/0012). */
  RELAIS_JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  RELAIS_META_APP_SECRET: z.string().optional(),
  RELAIS_META_VERIFY_TOKEN: z.string().optional(),
  RELAIS_X_CONSUMER_SECRET: z.string().optional(),
  RELAIS_SHOPIFY_APP_SECRET: z.string().optional(),
  RELAIS_SHOPIFY_APP_SECRET_PREVIOUS: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Everything the composition root needs, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel: several installations (or test runs) may share one Redis. */
  redisPrefix: string;
  jobPollSeconds: number;
  secretKey: string;
  publicUrl: string;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean;
  bodyLimitBytes: number;
  webhookBodyLimitBytes: number;
  session: { idleMs: number; maxAgeMs: number };
  signIn: { maxFailures: number; windowMs: number };
  jobs: { leaseMs: number };
  platformSecrets: {
    metaAppSecret: string | undefined;
    metaVerifyToken: string | undefined;
    xConsumerSecret: string | undefined;
    shopifyAppSecret: string | undefined;
    /** The secret before a rotation: Shopify may sign with it for up to an hour after. */
    shopifyAppSecretPrevious: string | undefined;
  };
}

export class ConfigError extends Error {}

/**
 * Reads the environment. A missing secret key is generated once into the data dir with
 * mode 0600, so a restart keeps decrypting what was sealed before.
 *
 * @example loadConfig({ PORT: '3001', RELAIS_DATA_DIR: '/tmp/relais' })
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = resolve(env.RELAIS_DATA_DIR);
  const needsDataDir = !env.DATABASE_URL || !env.RELAIS_SECRET_KEY;
  if (needsDataDir) mkdirSync(dataDir, { recursive: true });
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'sqlite', file: join(dataDir, 'relais.sqlite') },
    redisUrl: env.REDIS_URL,
    redisPrefix: env.RELAIS_REDIS_PREFIX,
    jobPollSeconds: env.RELAIS_JOB_POLL_SECONDS,
    secretKey: env.RELAIS_SECRET_KEY ?? readOrCreateSecretKey(dataDir),
    publicUrl: (env.RELAIS_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL,
    trustProxy: env.RELAIS_TRUST_PROXY === 'true',
    bodyLimitBytes: env.RELAIS_BODY_LIMIT_BYTES,
    webhookBodyLimitBytes: env.RELAIS_WEBHOOK_BODY_LIMIT_BYTES,
    session: { idleMs: env.RELAIS_SESSION_IDLE_MINUTES * 60_000, maxAgeMs: env.RELAIS_SESSION_MAX_DAYS * 86_400_000 },
    signIn: { maxFailures: env.RELAIS_SIGN_IN_MAX_FAILURES, windowMs: 15 * 60_000 },
    jobs: { leaseMs: env.RELAIS_JOB_LEASE_SECONDS * 1000 },
    platformSecrets: {
      metaAppSecret: env.RELAIS_META_APP_SECRET,
      metaVerifyToken: env.RELAIS_META_VERIFY_TOKEN,
      xConsumerSecret: env.RELAIS_X_CONSUMER_SECRET,
      shopifyAppSecret: env.RELAIS_SHOPIFY_APP_SECRET,
      shopifyAppSecretPrevious: env.RELAIS_SHOPIFY_APP_SECRET_PREVIOUS,
    },
  };
}

function readOrCreateSecretKey(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

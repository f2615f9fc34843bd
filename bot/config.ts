/**
 * The bot's configuration: one object, validated with zod, read from the environment once at
 * start-up. A bad value stops start-up with a message naming the variable.
 */
import { z } from 'zod';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const optionalUrl = (what: string) =>
  z.url({ message: `must be a URL (${what})` }).optional();

const env = z.object({
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL like postgres://user@host:5432/db')
    .optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
  DEFAULT_TEAM_NAME: z.string().min(1).default('默认团队'),
  DEFAULT_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone like Asia/Shanghai').default('Asia/Shanghai'),
  DEFAULT_LANG: z.enum(['zh', 'en'], { message: 'must be zh or en' }).default('zh'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: optionalUrl('an OpenAI-compatible endpoint, e.g. https://api.deepseek.com/v1'),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().positive().default(20_000),
});

export interface Config {
  dataDir: string;
  databaseUrl?: string;
  logLevel?: string;
  defaults: { teamName: string; timezone: string; lang: 'zh' | 'en' };
  openai?: { apiKey: string; baseUrl?: string; model: string; timeoutMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: Array<{ variable: string; message: string }>) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration; empty variables count as unset (as in a copied .env.example). */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = env.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  return {
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    defaults: { teamName: e.DEFAULT_TEAM_NAME, timezone: e.DEFAULT_TIMEZONE, lang: e.DEFAULT_LANG },
    openai: e.OPENAI_API_KEY
      ? { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.OPENAI_TIMEOUT_MS }
      : undefined,
  };
}

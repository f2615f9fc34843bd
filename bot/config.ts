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
  OPENAI_EMBEDDING_MODEL: z.string().min(1).optional(),
  OPENAI_EMBEDDING_MIN_SIMILARITY: z.coerce.number({ message: 'must be a number between 0 and 1' }).min(0).max(1).default(0.5),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65_535).default(3000),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must be a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, 'looks too short for a signing secret').optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'must be an app-level token starting with xapp- (Socket Mode)').optional(),
  SLACK_API_URL: optionalUrl('the Slack Web API base, e.g. https://slack.com/api/'),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC… (from @BotFather)').optional(),
  TELEGRAM_WEBHOOK_URL: optionalUrl('the public HTTPS address Telegram posts updates to'),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{8,256}$/, 'must be 8–256 letters, digits, _ or -').optional(),
  TELEGRAM_API_ROOT: optionalUrl('the Bot API base, e.g. https://api.telegram.org'),
});

export interface SlackConfig {
  botToken: string;
  /** HTTP mode (events at POST /slack/events on PORT). */
  signingSecret?: string;
  /** Socket Mode (development). */
  appToken?: string;
  apiUrl?: string;
}

export interface TelegramConfig {
  token: string;
  /** Webhook mode when set; long polling otherwise. */
  webhookUrl?: string;
  webhookSecret?: string;
  apiRoot?: string;
}

export interface Config {
  dataDir: string;
  databaseUrl?: string;
  logLevel?: string;
  defaults: { teamName: string; timezone: string; lang: 'zh' | 'en' };
  openai?: { apiKey: string; baseUrl?: string; model: string; timeoutMs: number; embeddingModel?: string; embeddingMinSimilarity: number };
  port: number;
  slack?: SlackConfig;
  telegram?: TelegramConfig;
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
  const problems: Array<{ variable: string; message: string }> = [];
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    problems.push({ variable: 'SLACK_SIGNING_SECRET', message: 'is needed with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)' });
  }
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) {
    problems.push({ variable: 'SLACK_BOT_TOKEN', message: 'is needed when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set' });
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    problems.push({ variable: 'TELEGRAM_WEBHOOK_SECRET', message: 'is needed with TELEGRAM_WEBHOOK_URL (Telegram sends it with every update)' });
  }
  if (!e.TELEGRAM_BOT_TOKEN && e.TELEGRAM_WEBHOOK_URL) {
    problems.push({ variable: 'TELEGRAM_BOT_TOKEN', message: 'is needed when TELEGRAM_WEBHOOK_URL is set' });
  }
  if (e.OPENAI_EMBEDDING_MODEL && !e.OPENAI_API_KEY) {
    problems.push({ variable: 'OPENAI_API_KEY', message: 'is needed when OPENAI_EMBEDDING_MODEL is set' });
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    defaults: { teamName: e.DEFAULT_TEAM_NAME, timezone: e.DEFAULT_TIMEZONE, lang: e.DEFAULT_LANG },
    openai: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseUrl: e.OPENAI_BASE_URL,
          model: e.OPENAI_MODEL,
          timeoutMs: e.OPENAI_TIMEOUT_MS,
          embeddingModel: e.OPENAI_EMBEDDING_MODEL,
          embeddingMinSimilarity: e.OPENAI_EMBEDDING_MIN_SIMILARITY,
        }
      : undefined,
    port: e.PORT,
    slack: e.SLACK_BOT_TOKEN
      ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }
      : undefined,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? { token: e.TELEGRAM_BOT_TOKEN, webhookUrl: e.TELEGRAM_WEBHOOK_URL, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET, apiRoot: e.TELEGRAM_API_ROOT }
      : undefined,
  };
}

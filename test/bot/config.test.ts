import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => p.variable);
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults: embedded database in ./.data, Chinese, Shanghai, no LLM', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      dataDir: './.data',
      databaseUrl: undefined,
      defaults: { timezone: 'Asia/Shanghai', lang: 'zh' },
      openai: undefined,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATA_DIR: '/var/lib/salesbot',
      DATABASE_URL: 'postgres://u@db:5432/sales',
      LOG_LEVEL: 'debug',
      DEFAULT_TEAM_NAME: 'Team',
      DEFAULT_TIMEZONE: 'Europe/London',
      DEFAULT_LANG: 'en',
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'qwen2.5',
      OPENAI_TIMEOUT_MS: '5000',
    });
    expect(config).toEqual({
      dataDir: '/var/lib/salesbot',
      databaseUrl: 'postgres://u@db:5432/sales',
      logLevel: 'debug',
      defaults: { teamName: 'Team', timezone: 'Europe/London', lang: 'en' },
      openai: { apiKey: 'sk-x', baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5', timeoutMs: 5000, embeddingModel: undefined, embeddingMinSimilarity: 0.5 },
      port: 3000,
      slack: undefined,
      telegram: undefined,
    });
  });

  it('reads the chat platforms and checks the variables that go together', () => {
    const config = loadConfig({
      PORT: '8080',
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: 'secret-123456',
      TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram',
      TELEGRAM_WEBHOOK_SECRET: 'tg_secret_1',
    });
    expect(config.port).toBe(8080);
    expect(config.slack).toEqual({ botToken: 'xoxb-1-2-abc', signingSecret: 'secret-123456', appToken: undefined, apiUrl: undefined });
    expect(config.telegram?.webhookSecret).toBe('tg_secret_1');
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual(['SLACK_SIGNING_SECRET']);
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual(['SLACK_BOT_TOKEN']);
    expect(problems({ SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 'secret-123456' })).toEqual(['SLACK_BOT_TOKEN']);
    expect(problems({ TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx', TELEGRAM_WEBHOOK_URL: 'https://x.example' })).toEqual(['TELEGRAM_WEBHOOK_SECRET']);
    expect(problems({ TELEGRAM_BOT_TOKEN: 'nope' })).toEqual(['TELEGRAM_BOT_TOKEN']);
    expect(problems({ PORT: '99999' })).toEqual(['PORT']);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', OPENAI_API_KEY: '  ' })).toMatchObject({ databaseUrl: undefined, openai: undefined });
  });

  it('names each bad variable', () => {
    expect(problems({ DATABASE_URL: 'mysql://x' })).toEqual(['DATABASE_URL']);
    expect(problems({ DEFAULT_TIMEZONE: 'Mars/Olympus' })).toEqual(['DEFAULT_TIMEZONE']);
    expect(problems({ DEFAULT_LANG: 'fr', LOG_LEVEL: 'loud' }).sort()).toEqual(['DEFAULT_LANG', 'LOG_LEVEL']);
    expect(problems({ OPENAI_BASE_URL: 'not a url' })).toEqual(['OPENAI_BASE_URL']);
    expect(problems({ OPENAI_TIMEOUT_MS: 'soon' })).toEqual(['OPENAI_TIMEOUT_MS']);
    expect(problems({ OPENAI_EMBEDDING_MODEL: 'text-embedding-3-small' })).toEqual(['OPENAI_API_KEY']);
    expect(problems({ OPENAI_API_KEY: 'k', OPENAI_EMBEDDING_MIN_SIMILARITY: '2' })).toEqual(['OPENAI_EMBEDDING_MIN_SIMILARITY']);
  });

  it('says what is wrong in the message', () => {
    expect(() => loadConfig({ DEFAULT_TIMEZONE: 'Mars/Olympus' })).toThrow(/DEFAULT_TIMEZONE: must be an IANA time zone/);
  });
});

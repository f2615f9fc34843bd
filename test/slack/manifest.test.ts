/** slack-manifest.yml asks for what the adapter uses. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(readFileSync(new URL('../../slack-manifest.yml', import.meta.url), 'utf8'));

describe('slack-manifest.yml', () => {
  it('subscribes to the events, command and interactivity the adapter serves at /slack/events', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['message.im', 'app_mention', 'app_home_opened']));
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://YOUR-HOST/slack/events');
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/sales', url: 'https://YOUR-HOST/slack/events' })]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('asks for the scopes those need, and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'users:read']);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, migratedDataDir, run, runInProcess } from '../support/process.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';

describe.each(databaseKinds())('scripted terminal chat on %s', (kind) => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of opened) await d.close();
  });

  async function env(): Promise<NodeJS.ProcessEnv> {
    if (kind === 'pglite') return childEnv({ DATA_DIR: migratedDataDir() });
    const database = await openTestDatabase('postgres');
    opened.push(database);
    return childEnv({ DATABASE_URL: database.url });
  }

  it('reads one message a line, prints each reply, exits 0 at end of input, and keeps what was said for the next run', async () => {
    const e = await env();
    const result = await run(['chat', '--user', 'alice'], e, '/help\n/me\nhello, what can you do for me\n/help\n/team add bob manager\n');
    // A brand-new database gets the demo knowledge base, and says so on stderr only.
    expect(result.stderr).toMatch(/^Imported the demo knowledge base \(kb\/, a fictional company\): \d+ articles\./);
    expect(result.code).toBe(0);
    const replies = result.stdout.trim().split(/\n\n/);
    expect(replies).toHaveLength(5);
    expect(replies[0]).toContain('/team');
    expect(replies[0]).toContain('查看命令');
    expect(replies[1]).toContain('alice');
    expect(replies[1]).toContain('管理员');
    expect(replies[3]).toContain('list the commands');

    const second = await run(['chat', '--user', 'bob'], e, '/me\n');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('经理');
  });
});

// The chat itself is the same code on either database: this runs on PGlite only (each spawn costs seconds).
describe('scripted terminal chat', () => {
  it('starts with `start` (what npm start runs): answers from the demo knowledge base, logs a call, Undo by number', async () => {
    const env = childEnv({ DATA_DIR: migratedDataDir() });
    const script = ['客户嫌贵怎么办', '张总13812345678没接，明天上午再打', '1', '/customers', '/nothing', '1'].join('\n');
    const result = await run(['start'], env, `${script}\n`);
    expect(result.code).toBe(0);
    // The answer has paragraphs of its own: the call log's confirmation starts the next replies.
    const at = result.stdout.indexOf('✅ 已记录');
    expect(result.stdout.slice(0, at)).toMatch(/出自《[^》]+》/);
    const [logged, undone, customers, unknown, number] = result.stdout.slice(at).trim().split(/\n\n/);
    expect(logged).toContain('已记录通话');
    expect(logged).toMatch(/\[1\] 撤销\s+\[2\] 修改/);
    expect(undone).toContain('已撤销');
    expect(customers).toContain('还没有客户');
    expect(unknown).toContain('没有 /nothing 这个命令');
    // No button on offer: a bare number is ordinary text.
    expect(number).toContain('/help');

    // The demo knowledge base is imported once, on the new database only.
    const again = await run(['chat'], env, '/kb list\n');
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/知识库文章（\d+）/);
  });
});

describe('salesbot command line', () => {
  it('prints usage and exits non-zero on an unknown subcommand or flag', async () => {
    // The real bin once; the other argument errors in process (they fail before anything opens).
    const unknown = await run(['frobnicate'], childEnv({}));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
    expect(unknown.stderr).toContain('Usage: salesbot');

    const badFlag = await runInProcess(['chat', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/Unknown option '--colour'/);
    expect(badFlag.stderr).toContain('Usage: salesbot');

    const none = await runInProcess([]);
    expect(none.code).toBe(2);
  });

  it('migrates with `salesbot migrate`', async () => {
    const result = await run(['migrate'], childEnv({ DATA_DIR: migratedDataDir() }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('up to date (pglite)');
  });

  it('creates the database on first start and says so on stderr', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = join(mkdtempSync(join(tmpdir(), 'salesbot-fresh-')), 'data');
    const result = await run(['chat'], childEnv({ DATA_DIR: dir }), '/me\n');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('first start');
    expect(result.stdout).toContain('默认团队');
  });

  it('stops on a bad configuration value, naming the variable', async () => {
    const result = await run(['chat'], childEnv({ DATABASE_URL: 'mysql://localhost/x' }), '/help\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stdout).toBe('');
  });
});

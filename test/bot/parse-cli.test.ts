import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv, run, runInProcess } from '../support/process.ts';

const env = childEnv({});

describe('salesbot parse', () => {
  it('prints the fields of formats.md §2 for one message, without a database', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'salesbot-parse-')), 'never-created');
    const result = await run(
      ['parse', '--now', '2026-11-23T10:00:00+08:00', '--tz', 'Asia/Shanghai', '刚给华通物流的张总打了电话,聊了8分钟,有兴趣,下周二下午再打'],
      childEnv({ DATA_DIR: dataDir }),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      kind: 'call',
      customer: '张总',
      company: '华通物流',
      phone: null,
      result: 'connected',
      intent: expect.any(String),
      stage: 'intent',
      durationMin: 8,
      amount: null,
      products: [],
      objections: [],
      followUpAt: '2026-12-01T14:00:00+08:00',
      doNotCall: false,
      referral: false,
    });
    const { existsSync } = await import('node:fs');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('answers a JSON Lines batch line for line, in order, with errors in place', async () => {
    const input = [
      { text: '陈总没接，下午三点再打一次', now: '2026-11-24T09:45:00+08:00', tz: 'Asia/Shanghai' },
      { text: 'broken', now: 'yesterday', tz: 'Asia/Shanghai' },
      { text: 'Called Tom at Acme Ltd, no answer, try again Friday 3pm', now: '2027-03-24T09:00:00+00:00', tz: 'Europe/London' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const result = await run(['parse', '--jsonl'], env, `${input}\n\nnot json\n`);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ customer: '陈总', result: 'no_answer', followUpAt: '2026-11-24T15:00:00+08:00' });
    expect(lines[1].error).toMatch(/line 2: now: not an ISO 8601 time/);
    // Friday 26 March 2027 is still GMT in London (BST starts on the 28th).
    expect(lines[2]).toMatchObject({ result: 'no_answer', followUpAt: '2027-03-26T15:00:00+00:00' });
    expect(lines[3].error).toMatch(/line 5/);
  });

  it('rejects bad flags and missing text with usage', async () => {
    for (const args of [['parse'], ['parse', '--tz', 'Mars/Base', 'x'], ['parse', '--now', 'soon', 'x'], ['parse', '--jsonl', 'extra']]) {
      const result = await runInProcess(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: salesbot');
    }
  });
});

describe('npm run eval:calls', () => {
  it('prints per-field and overall accuracy for a calls.jsonl set', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'salesbot-eval-')), 'calls.jsonl');
    writeFileSync(
      file,
      [
        { text: '赵先生 13651234870 空号', now: '2026-11-24T11:05:00+08:00', tz: 'Asia/Shanghai', expect: { customer: '赵先生', result: 'invalid_number' } },
        { text: '打给孙大爷，一直占线', now: '2026-11-25T14:10:00+08:00', tz: 'Asia/Shanghai', expect: { customer: '孙大爷', result: 'connected' } },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const result = await run(['eval-calls', file], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/customer\s+2\/2\s+100\.0%/);
    expect(result.stdout).toMatch(/result\s+1\/2\s+50\.0%/);
    expect(result.stdout).toMatch(/overall\s+3\/4\s+75\.0%/);
    const missing = await run(['eval-calls', '/nonexistent.jsonl'], env);
    expect(missing.code).toBe(2);
  });
});

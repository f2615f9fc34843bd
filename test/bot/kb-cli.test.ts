import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { childEnv, migratedDataDir, run, runInProcess } from '../support/process.ts';

const DEV_SET = fileURLToPath(new URL('../../../shared/datasets/dev', import.meta.url));

function kbFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'salesbot-kbcli-'));
  mkdirSync(join(dir, 'objection'));
  writeFileSync(join(dir, 'objection', 'price.md'), '---\nid: objection-price\nkind: objection\ntitle: 客户嫌贵\ntags: [价格]\nquestions:\n  - 客户说太贵了怎么办\n---\n先认同客户在意花销，再讲清楚价值，不要急着降价。\n');
  writeFileSync(join(dir, 'broken.md'), 'no front matter here');
  return dir;
}

describe('salesbot kb import / ask', () => {
  it('imports a folder, reports bad files, and answers with sources as JSON', async () => {
    const env = childEnv({ DATA_DIR: migratedDataDir() });
    const dir = kbFolder();
    const imported = await run(['kb', 'import', dir], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('1 new, 0 updated, 0 unchanged, 1 file(s) skipped');
    expect(imported.stderr).toContain('skipped broken.md:');

    // A new database gets no demo articles from import or ask: only what was imported.
    const answered = await run(['ask', '客户说太贵了怎么办', '--json'], env);
    expect(answered.code).toBe(0);
    const json = JSON.parse(answered.stdout);
    expect(json).toMatchObject({ answered: true, sources: [{ id: 'objection-price', title: '客户嫌贵' }] });
    expect(json.answer).toContain('先认同');
    expect(typeof json.sources[0].score).toBe('number');

    const batch = await run(['ask', '--jsonl'], env, '{"q": "客户说太贵了怎么办"}\n{"q": "公司年会在哪里办"}\nnot json\n');
    const lines = batch.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].answered).toBe(true);
    expect(lines[1]).toEqual({ answered: false, sources: [], answer: '' });
    expect(lines[2].error).toMatch(/line 3/);

    const again = await run(['kb', 'import', dir, '--sync'], env);
    expect(again.stdout).toContain('0 new, 0 updated, 1 unchanged, 0 removed');
  });

  it('starts with an empty knowledge base on a new database', async () => {
    const result = await run(['ask', '客户说太贵了怎么办', '--json'], childEnv({ DATA_DIR: migratedDataDir() }));
    expect(JSON.parse(result.stdout)).toEqual({ answered: false, sources: [], answer: '' });
  });

  it('rejects bad usage', async () => {
    for (const args of [['kb'], ['kb', 'export', 'x'], ['kb', 'import'], ['ask'], ['ask', '--jsonl', 'extra']]) {
      const result = await runInProcess(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: salesbot');
    }
    const missing = await run(['kb', 'import', '/nonexistent/folder'], childEnv({ DATA_DIR: migratedDataDir() }));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Usage: salesbot');
  });
});

describe('npm run eval:kb', () => {
  it('imports a set into a throwaway database and prints hit@1, hit@3, MRR and abstention', async () => {
    const result = await run(['eval-kb', DEV_SET], childEnv({}));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/51 articles, 68 answerable and 12 unanswerable questions/);
    const [, values] = result.stdout.match(/─+\n\s*([\d.\s]+)\n/) ?? [];
    const [hit1, hit3, mrr, abstention] = (values ?? '').trim().split(/\s+/).map(Number);
    expect(hit1).toBeGreaterThan(0.6);
    expect(hit3).toBeGreaterThanOrEqual(hit1!);
    expect(mrr).toBeGreaterThan(0.6);
    expect(abstention).toBeGreaterThanOrEqual(0.8);
  });
});

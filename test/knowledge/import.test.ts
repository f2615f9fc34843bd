import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKbFolder } from '../../core/kb/folder.ts';
import { importArticles } from '../../core/knowledge/import.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';

function article(id: string, kind: string, title: string, body: string): string {
  return `---\nid: ${id}\nkind: ${kind}\ntitle: ${title}\ntags: [测试]\n---\n${body}\n`;
}

describe.each(databaseKinds())('knowledge-base import on %s', (kind) => {
  let database: TestDatabase;
  let dir: string;
  const write = (file: string, content: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  };
  const load = async (sync = false) => importArticles(database.store, await readKbFolder(dir), { sync });

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'salesbot-kb-'));
    write('objection/price.md', article('objection-price', 'objection', '客户嫌贵', '先认同，再讲价值。'));
    write('product/basic.md', article('product-basic', 'product', '基础版', '基础版每年 998 元。'));
    write('faq.csv', '\uFEFFid,kind,title,question,answer,tags\nfaq-hours,faq,服务时间,几点上班,"工作日 9 点到 18 点，\n周末休息",时间|服务\n');
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports Markdown and CSV, then leaves unchanged articles alone and updates changed ones', async () => {
    expect(await load()).toMatchObject({ created: 3, updated: 0, unchanged: 0, removed: 0, errors: [] });
    expect(await load()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    write('product/basic.md', article('product-basic', 'product', '基础版', '基础版每年 1098 元。'));
    expect(await load()).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect((await database.store.knowledge.findBySlug('product-basic'))?.body).toContain('1098');
    const faq = await database.store.knowledge.findBySlug('faq-hours');
    expect(faq).toMatchObject({ kind: 'faq', questions: ['几点上班'], tags: ['时间', '服务'] });
    expect(faq?.body).toContain('\n周末休息');
  });

  it('reports bad files by name and reason and imports the rest', async () => {
    write('broken.md', '---\nid: broken\nkind: nonsense\ntitle: x\n---\nbody');
    write('no-id.md', '---\nkind: faq\ntitle: x\n---\nbody');
    const report = await load();
    expect(report.created).toBe(3);
    expect(report.errors.map((e) => e.file).sort()).toEqual(['broken.md', 'no-id.md']);
    for (const e of report.errors) expect(e.reason.length).toBeGreaterThan(3);
  });

  it('removes articles whose files are gone only with sync, and keeps those of files that failed to parse', async () => {
    await load();
    await database.store.knowledge.save({ slug: 'chat-added', kind: 'faq', title: '聊天里加的', tags: [], lang: 'zh', questions: [], body: 'x', sourcePath: null }, 'h');
    rmSync(join(dir, 'objection/price.md'));
    write('product/basic.md', '---\nid: product-basic\nkind: product\n---\nno title');
    expect(await load()).toMatchObject({ removed: 0 });
    expect(await database.store.knowledge.count()).toBe(4);
    const synced = await load(true);
    expect(synced.removed).toBe(2); // the deleted file's article and the chat-added one
    const slugs = (await database.store.knowledge.list()).map((a) => a.slug).sort();
    expect(slugs).toEqual(['faq-hours', 'product-basic']); // product-basic kept: its file is broken, not gone
  });
});

import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, readKbFolder } from '../../core/kb/folder.ts';
import { parseFaqCsv, parseMarkdownArticle } from '../../core/kb/parse.ts';

const good = `---
id: objection-think-it-over
kind: objection
title: 客户说"我再考虑考虑"
tags: [异议, 拖延]
questions:
  - 客户说要考虑一下怎么办
---
"考虑考虑"通常说明客户心里还有顾虑。
`;

describe('parseMarkdownArticle', () => {
  it('parses front matter and body, detecting lang when absent', () => {
    const r = parseMarkdownArticle('objection/think.md', good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.articles[0]).toMatchObject({
      slug: 'objection-think-it-over',
      kind: 'objection',
      tags: ['异议', '拖延'],
      lang: 'zh',
      questions: ['客户说要考虑一下怎么办'],
      sourcePath: 'objection/think.md',
    });
    expect(r.articles[0]!.body).toMatch(/^"考虑考虑"/);
  });

  it('detects English and honours an explicit lang', () => {
    const en = parseMarkdownArticle('a.md', '---\nid: a\nkind: script\ntitle: Asking for a referral\n---\nAsk right after praise.');
    expect(en.ok && en.articles[0]!.lang).toBe('en');
    const forced = parseMarkdownArticle('b.md', '---\nid: b\nkind: faq\ntitle: 中文标题\nlang: en\n---\n正文');
    expect(forced.ok && forced.articles[0]!.lang).toBe('en');
  });

  it.each([
    ['missing id', '---\nkind: faq\ntitle: T\n---\nbody', /id/],
    ['bad kind', '---\nid: x\nkind: recipe\ntitle: T\n---\nbody', /kind/],
    ['missing title', '---\nid: x\nkind: faq\n---\nbody', /title/],
    ['broken YAML', '---\nid: x\nkind: faq\ntitle: [unclosed\n---\nbody', /YAML/],
    ['no front matter', '# Just a heading\nbody', /front matter/],
  ])('reports %s with file and reason', (_name, content, reason) => {
    const r = parseMarkdownArticle('dir/bad.md', content);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.file).toBe('dir/bad.md');
    expect(r.reason).toMatch(reason);
  });
});

describe('parseFaqCsv', () => {
  const header = 'id,kind,title,question,answer,tags\n';

  it('keeps a quote inside an unquoted field as text, as spreadsheets do', () => {
    const r = parseFaqCsv('faq.csv', `${header}faq-brand,faq,品牌,客户问"晴川"是不是大牌子,是的，成立十年。,品牌\n`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.articles[0]).toMatchObject({ slug: 'faq-brand', questions: ['客户问"晴川"是不是大牌子'], body: '是的，成立十年。' });
  });

  it('accepts a BOM, quoted multi-line answers and | separated tags', () => {
    const csv = `\uFEFF${header}faq-age,faq,办卡有年龄要求吗,多大年纪可以办卡,"年满18周岁即可办理。\n70岁以上须有家属知情。",常见问题|年龄|老年客户\nfaq-pay,faq,"Payment, how?",How to pay,Card or transfer.,faq|payment\n`;
    const r = parseFaqCsv('faq.csv', csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.articles).toHaveLength(2);
    expect(r.articles[0]).toMatchObject({ slug: 'faq-age', kind: 'faq', tags: ['常见问题', '年龄', '老年客户'], questions: ['多大年纪可以办卡'], lang: 'zh' });
    expect(r.articles[0]!.body).toBe('年满18周岁即可办理。\n70岁以上须有家属知情。');
    expect(r.articles[1]).toMatchObject({ title: 'Payment, how?', lang: 'en' });
  });

  it('rejects the file on a bad row, naming the row', () => {
    const r = parseFaqCsv('faq.csv', `${header}ok,faq,T,Q,A,t\nbad,recipe,T,Q,A,t\n`);
    expect(r).toMatchObject({ ok: false, file: 'faq.csv' });
    if (!r.ok) expect(r.reason).toMatch(/row 3.*kind/);
  });

  it('rejects a missing column and a wrong field count', () => {
    expect(parseFaqCsv('a.csv', 'id,kind,title\nx,faq,T\n').ok).toBe(false);
    const r = parseFaqCsv('b.csv', `${header}x,faq,T,Q,A\n`);
    expect(r.ok).toBe(false);
  });
});

describe('readKbFolder', () => {
  it('reads nested folders, reports bad files and duplicate ids, keeps the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-'));
    await mkdir(join(dir, 'objection', 'deep'), { recursive: true });
    await writeFile(join(dir, 'objection', 'think.md'), good);
    await writeFile(join(dir, 'objection', 'deep', 'dup.md'), good);
    await writeFile(join(dir, 'objection', 'broken.md'), '---\nid: x\nkind: nope\ntitle: T\n---\n');
    await writeFile(join(dir, 'faq.csv'), 'id,kind,title,question,answer,tags\nfaq-a,faq,T,Q,Answer,a|b\n');
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    const { articles, errors } = await readKbFolder(dir);
    expect(articles.map((a) => a.slug).sort()).toEqual(['faq-a', 'objection-think-it-over']);
    expect(errors).toHaveLength(2);
    expect(errors.find((e) => e.file === 'objection/broken.md')?.reason).toMatch(/kind/);
    const dup = errors.find((e) => e.reason.includes('duplicate'));
    expect(`${dup?.file} ${dup?.reason}`).toContain('objection/think.md');
    expect(`${dup?.file} ${dup?.reason}`).toContain('objection/deep/dup.md');
  });

  it('hashes content, not location', () => {
    const r = parseMarkdownArticle('a.md', good);
    const s = parseMarkdownArticle('moved/a.md', good);
    const t = parseMarkdownArticle('a.md', good.replace('顾虑', '疑虑'));
    if (!r.ok || !s.ok || !t.ok) throw new Error('parse failed');
    expect(contentHash(r.articles[0]!)).toBe(contentHash(s.articles[0]!));
    expect(contentHash(r.articles[0]!)).not.toBe(contentHash(t.articles[0]!));
  });
});

import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';
import { createOpenAiEmbeddings } from '../../bot/llm/openai-embeddings.ts';
import { importArticles } from '../../core/knowledge/import.ts';
import { KnowledgeService } from '../../core/knowledge/service.ts';
import type { KbArticle } from '../../core/kb/article.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { startOpenAiStandIn, type OpenAiStandIn } from '../support/openai-stand-in.ts';

const art = (slug: string, title: string, body: string): KbArticle => ({ slug, kind: 'faq', title, tags: [], lang: 'zh', questions: [], body, sourcePath: null });
const ARTICLES = [
  art('faq-party', '公司年会安排', '今年年会在杭州西湖边的酒店举行，12月20日晚上六点开始。'),
  art('faq-invoice', '开发票', '付款后 3 个工作日内开具电子发票，发到客户邮箱。'),
  art('faq-refund', '退款规则', '购买后 30 天内可以全额退款。'),
];

/** A toy embedding: one dimension per topic, recognised in either language. */
const TOPICS: RegExp[] = [/年会|annual party|year-end party/i, /发票|invoice/i, /退款|refund|money back/i];
const embed = (text: string): number[] => [...TOPICS.map((t) => (t.test(text) ? 1 : 0)), 0.01];

describe.each(databaseKinds())('knowledge retrieval with embeddings (real openai client, stand-in) on %s', (kind) => {
  let database: TestDatabase;
  let standIn: OpenAiStandIn;
  let logs: string[];
  beforeEach(async () => {
    database = await openTestDatabase(kind);
    await importArticles(database.store, { articles: ARTICLES, errors: [] });
    standIn = await startOpenAiStandIn(() => ({ content: {} }));
    standIn.embed = embed;
    logs = [];
  });
  afterEach(async () => {
    await standIn.close();
    await database.close();
  });

  function service(minSimilarity = 0.8) {
    const sink = new Writable({
      write(chunk, _e, done) {
        logs.push(String(JSON.parse(String(chunk)).msg));
        done();
      },
    });
    const embedder = createOpenAiEmbeddings({ apiKey: 'k', baseUrl: standIn.baseUrl, model: 'stand-in-embed', timeoutMs: 2_000 });
    return new KnowledgeService(database.store, { embedder, logger: createLogger('info', sink), minSimilarity });
  }

  it('answers a question the words alone cannot, from its nearest article', async () => {
    const lexicalOnly = await new KnowledgeService(database.store).search('Where is the year-end party this time?');
    expect(lexicalOnly.result.answered).toBe(false);

    const { result, articles } = await service().search('Where is the year-end party this time?');
    expect(result.answered).toBe(true);
    expect(articles[0]?.slug).toBe('faq-party');
    // Articles are embedded once (by content), the question on each search.
    expect(standIn.embedded.filter((t) => t.includes('公司年会安排'))).toHaveLength(1);
  });

  it('fuses both rankings and still abstains when nothing is near', async () => {
    const knowledge = service();
    const { result } = await knowledge.search('客户问发票什么时候开');
    expect(result.answered).toBe(true);
    expect(result.hits[0]?.slug).toBe('faq-invoice');
    const offTopic = await knowledge.search('明天会下雨吗');
    expect(offTopic.result.answered).toBe(false);
  });

  it('falls back to lexical retrieval, with a log line, when the endpoint fails', async () => {
    standIn.embeddingStatus = 500;
    const { result, articles } = await service().search('客户问发票什么时候开');
    expect(result.answered).toBe(true);
    expect(articles[0]?.slug).toBe('faq-invoice');
    expect(logs.some((l) => l.includes('embedding articles failed'))).toBe(true);
    expect(logs.some((l) => l.includes('embedding the question failed'))).toBe(true);
  });
});

/**
 * The knowledge-base material for each section of a script: the lines to say (quoted from script,
 * product, objection and policy articles) and the articles they come from. Nothing here invents a
 * price, an offer or a policy: lines are copied from articles, and the connecting words
 * (greeting, reason for calling) carry no figures.
 */
import { labels } from '../calls/labels.ts';
import type { Context } from '../context.ts';
import type { ArticleKind, Lang } from '../domain.ts';
import type { KnowledgeService } from '../knowledge/service.ts';
import type { ArticleRecord } from '../records.ts';
import { matchProduct } from './target.ts';
import { texts } from './texts.ts';
import type { Goal, ScriptPieces, ScriptTarget, Section } from './types.ts';

/** A line of an article without Markdown: no bullets, numbering, emphasis or headings. */
export function cleanLine(line: string): string {
  return line
    .replace(/^\s*(?:#+\s*|[-*+]\s+|\d+[.)、]\s*|>\s*)/, '')
    .replace(/\*\*|__|`/g, '')
    .trim();
}

/** The body's lines, cleaned; table rows and rules left out. */
export function linesOf(body: string): string[] {
  return body
    .split('\n')
    .filter((l) => !/^\s*\|/.test(l) && !/^\s*[-=*_]{3,}\s*$/.test(l))
    .map(cleanLine)
    .filter(Boolean);
}

/** Quoted speech in a text: “…”, "…", 「…」. */
export function quotesIn(text: string): string[] {
  return [...text.matchAll(/[“"「]([^”"」\n]{4,}?)[”"」]/g)].map((m) => m[1]!.trim());
}

/** Sentences, keeping their end punctuation. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;])|(?<=\.)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const end = Math.max(...['。', '！', '？', '；', '. ', '? ', '! '].map((p) => cut.lastIndexOf(p)));
  return end > limit / 3 ? cut.slice(0, end + 1).trim() : `${cut.trim()}…`;
}

/** Han bigrams and English words, for a rough "does this line talk about that" score. */
function features(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  for (const run of lower.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  for (const w of lower.match(/[a-z]{4,}/g) ?? []) out.add(w);
  return out;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * The most relevant articles of these kinds. With `lang`, those in the rep's language come first:
 * for generic pieces (opening, questions, value, etiquette) any article of the kind will do, and a
 * script should read in one language. Specific answers (an objection, the close) keep relevance.
 */
async function find(knowledge: KnowledgeService, query: string, kinds: ArticleKind[], limit: number, lang?: Lang): Promise<ArticleRecord[]> {
  const { articles } = await knowledge.search(query, 25);
  const fits = (a: ArticleRecord) => (!lang || a.lang === null || a.lang === lang ? 0 : 1);
  return articles
    .filter((a) => kinds.includes(a.kind))
    .map((a, rank) => ({ a, rank }))
    .sort((x, y) => fits(x.a) - fits(y.a) || x.rank - y.rank)
    .slice(0, limit)
    .map((x) => x.a);
}

function uniq(list: ArticleRecord[]): ArticleRecord[] {
  const seen = new Set<number>();
  return list.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

/** What an objection code is called and how to look it up. */
const OBJECTION_QUERIES: Record<string, string> = {
  price: '客户嫌贵 太贵 价格高',
  think_it_over: '客户说再考虑考虑',
  consult_others: '要跟家里人商量 商量一下',
  has_supplier: '已经有供应商 在用别家',
  send_materials: '先发资料看看',
  no_time: '客户说没时间 在忙',
  no_need: '客户说不需要',
  trust: '怀疑是骗子 不信任',
  competitor_cheaper: '别家更便宜 竞争对手便宜',
};
/** Asked about on most calls when the customer has not raised anything yet. */
const COMMON_OBJECTIONS = ['price', 'think_it_over'];

export interface PieceOptions {
  goal: Goal;
  firstCall: boolean;
  short: boolean;
}

export interface ObjectionItem {
  code: string | null;
  name: string;
  heardBefore: boolean;
  article: ArticleRecord;
  lines: string[];
}

/** The response an objection article gives: its first steps, its example line, what not to do. */
export function objectionResponse(article: ArticleRecord, short: boolean): string[] {
  const lines = linesOf(article.body);
  const steps = article.body
    .split('\n')
    .filter((l) => /^\s*\d+[.)、]/.test(l))
    .map(cleanLine);
  const exampleLine = lines.find((l) => /示例|话术|例如|for example|e\.g\.|say:/i.test(l) && quotesIn(l).length);
  const example = exampleLine ? quotesIn(exampleLine)[0] : undefined;
  const dont = lines.find((l) => /^(不能做|never)/i.test(l)) ?? lines.find((l) => /^(不要|do not|don't)/i.test(l));
  if (short) {
    if (example) return [`“${clip(example, 90)}”`];
    return steps.slice(0, 2).map((s) => clip(s, 70));
  }
  const out = (steps.length ? steps.slice(0, 3) : lines.slice(0, 2)).map((s) => `· ${clip(s, 80)}`);
  if (example) out.push(`“${clip(example, 110)}”`);
  if (dont) out.push(`⚠️ ${clip(dont, 70)}`);
  return out;
}

export async function buildPieces(ctx: Context, knowledge: KnowledgeService, target: ScriptTarget, opts: PieceOptions): Promise<ScriptPieces> {
  const lang: Lang = ctx.lang;
  const t = texts(lang);
  const l = labels('zh');
  const history = target.kind === 'customer' ? target.history : null;
  const firstCall = opts.firstCall || !history?.last;
  // The products this call is about, with their articles.
  const productArticles: Array<{ name: string; article: ArticleRecord }> = [];
  if (target.kind === 'product') productArticles.push({ name: target.name, article: target.article });
  for (const name of history?.products ?? []) {
    const p = await matchProduct(knowledge, name);
    if (p && !productArticles.some((x) => x.article.id === p.article.id)) productArticles.push(p);
  }
  const productWords = (history?.products.length ? history.products : productArticles.map((p) => p.name)).join(' ');
  const context = features(
    [productWords, history?.last?.rawText ?? '', ...(history?.objections ?? []).map((o) => l.objection[o as keyof typeof l.objection] ?? o)].join(' '),
  );
  const sections: Section[] = [];

  // Opening: who we are, the recording notice, why we call, permission to continue.
  const all = await knowledge.articles();
  const openers = await find(knowledge, '开场白 首次致电话术 开场 耽误您两分钟 opening first call', ['script', 'process'], 4, lang);
  const openSources: ArticleRecord[] = [];
  let company: string | null = null;
  for (const a of openers) {
    const m = (lang === 'en' ? a.body.match(/\bthis is \w+ (?:from|at) ([A-Z][\w&' -]{1,30}?)[.,]/) : null) ?? a.body.match(/我(?:们)?是([\p{Script=Han}A-Za-z0-9]{2,10}?)的/u);
    if (m?.[1]) {
      company = m[1];
      openSources.push(a);
      break;
    }
  }
  let permission: string | null = null;
  for (const a of openers) {
    const found = quotesIn(a.body)
      .flatMap(sentencesOf)
      .find((s) => (lang === 'zh' ? /(耽误|打扰).{0,12}(可以吗|方便吗)[？?]$/.test(s) : /(minutes?|moment|good time).*\?$/i.test(s)));
    if (found) {
      permission = found.replace(/^.*?[，,](?=[^，,]*(耽误|打扰))/, '');
      openSources.push(a);
      break;
    }
  }
  const recordingPolicies = all.filter(
    (a) => a.kind === 'policy' && /录音|record/i.test(`${a.title} ${a.tags.join(' ')}`) && /告知|提示|说明|tell|inform|notice|may be recorded|可能会被录音/i.test(a.body),
  );
  const recordingRequired = recordingPolicies.length > 0;
  let notice: string | null = null;
  if (recordingRequired) {
    const noticeRe = lang === 'zh' ? /(通话|电话).{0,6}(可能|会).{0,4}录音/ : /call (?:may|will) be recorded/i;
    const ordered = uniq([...recordingPolicies, ...openers, ...all.filter((a) => a.kind === 'script' || a.kind === 'process')]);
    for (const a of ordered) {
      const s = [...quotesIn(a.body), ...quotesIn(a.body).flatMap(sentencesOf)].find((x) => noticeRe.test(x) && x.length <= 60);
      if (s) {
        notice = /[。.!！]$/.test(s) ? s : `${s}${lang === 'zh' ? '。' : '.'}`;
        if (!recordingPolicies.includes(a)) openSources.push(a);
        break;
      }
    }
    notice ??= lang === 'zh' ? '本次通话可能会被录音。' : 'This call may be recorded.';
    openSources.push(recordingPolicies[0]!);
  }
  const c = history?.customer;
  const productName = productArticles[0]?.name ?? null;
  const reason = !firstCall && history
    ? t.reasonFollowUp(labels(lang).list(history.products))
    : c?.source === 'referral'
      ? t.reasonReferral(c.referredBy)
      : t.reasonIntro(productName);
  const ask = permission ? `${t.joinReason}${permission}` : t.permission;
  const space = lang === 'zh' ? '' : ' ';
  const opening = [t.greeting(c?.name ?? t.customerPlaceholder), t.weAre(company, ctx.user.displayName), notice ?? '', `${reason}${ask}`].filter(Boolean).join(space);
  sections.push({ key: 'opening', lines: [t.quote(opening)], sources: uniq(openSources) });

  // Needs discovery: two or three questions from the script and process articles.
  const askers = await find(knowledge, `了解需求 挖掘需求 提问 问题 needs discovery questions ${productWords}`, ['script', 'process'], 4, lang);
  const questions: Array<{ q: string; a: ArticleRecord; score: number; order: number }> = [];
  let order = 0;
  for (const [rank, a] of askers.entries()) {
    for (const line of linesOf(a.body)) {
      const candidates = quotesIn(line).length
        ? quotesIn(line).map((q) => (q.length <= 40 ? q : (sentencesOf(q).filter((s) => /[？?]$/.test(s)).slice(-1)[0] ?? '')))
        : [line];
      for (const q of candidates) {
        if (!/[？?]$/.test(q) || q.length < 6 || q.length > 60) continue;
        if (/您好|可以吗|耽误|您看是|方便|再给您打|再打|好吗/.test(q)) continue;
        if (/^(客户|customer)/i.test(q)) continue;
        questions.push({ q: q.replace(/^(想先问一下|想问一下)[，,]/, ''), a, score: shared(features(q), context) - rank * 0.5, order: order++ });
      }
    }
  }
  const picked = questions
    .sort((x, y) => y.score - x.score || x.order - y.order)
    .slice(0, opts.short ? 2 : 3)
    .sort((x, y) => x.order - y.order);
  sections.push(
    picked.length
      ? { key: 'discovery', lines: picked.map((p) => `• ${t.quote(p.q)}`), sources: uniq(picked.map((p) => p.a)) }
      : { key: 'discovery', lines: t.fallbackDiscovery.map((q) => `• ${q}`), sources: [] },
  );

  // Value: the product's benefits, tied to what this customer cares about.
  const valueArticles = productArticles.length
    ? productArticles.slice(0, 2).map((p) => p.article)
    : await find(knowledge, '卖点 价值 好处 主推 适合 benefits value pitch', ['product'], 1, lang);
  const valueLines: string[] = [];
  if (history && (history.products.length || history.objections.length)) {
    const cares = [...history.products, ...history.objections.map((o) => labels(lang).objection[o as keyof typeof l.objection] ?? o)];
    valueLines.push(t.cares(labels(lang).list(cares)));
  }
  const valueKeys = /价值|卖点|好处|得到|避免|省|随时|适合|主推|benefit|gain|avoid|sav|clear view/i;
  const benefitLines: string[] = [];
  for (const a of valueArticles) {
    const ls = linesOf(a.body).filter((x) => x.length >= 8 && !/[:：]$/.test(x));
    const scored = ls.map((x, i) => ({ x, i, s: (valueKeys.test(x) ? 2 : 0) + shared(features(x), context) + (i === 0 ? 1 : 0) }));
    const top = scored.sort((p, q) => q.s - p.s || p.i - q.i).slice(0, opts.short ? 1 : 2).sort((p, q) => p.i - q.i);
    benefitLines.push(...top.map((p) => `• ${clip(p.x, opts.short ? 70 : 100)}`));
    if (opts.short) break;
  }
  if (benefitLines.length) valueLines.push(t.onlyRelevant, ...benefitLines);
  if (valueLines.length) sections.push({ key: 'value', lines: valueLines, sources: benefitLines.length ? uniq(valueArticles) : [] });

  // Objections: those this customer raised, then the common ones for the product.
  const items: ObjectionItem[] = [];
  const max = opts.short ? 2 : 3;
  const add = async (code: string | null, query: string, heardBefore: boolean, article?: ArticleRecord) => {
    if (items.length >= max) return;
    const a = article ?? (await find(knowledge, query, ['objection'], 1))[0];
    if (!a || items.some((i) => i.article.id === a.id)) return;
    const name = code ? (labels(lang).objection[code as keyof typeof l.objection] ?? code) : a.title;
    items.push({ code, name, heardBefore, article: a, lines: objectionResponse(a, opts.short) });
  };
  for (const code of history?.objections ?? []) {
    const label = l.objection[code as keyof typeof l.objection];
    if (OBJECTION_QUERIES[code] || label) await add(code, `${OBJECTION_QUERIES[code] ?? ''} ${label ?? code}`, true);
  }
  if (!opts.short || !items.length) {
    for (const p of productArticles.slice(0, 1)) {
      for (const a of all.filter((x) => x.kind === 'objection' && (x.body.includes(p.name) || x.title.includes(p.name)))) await add(null, '', false, a);
    }
    for (const code of COMMON_OBJECTIONS) await add(code, `${OBJECTION_QUERIES[code]} ${l.objection[code as keyof typeof l.objection]}`, false);
  }
  if (items.length) {
    const lines = items.flatMap((i) => [`${t.objectionLabel(i.name)}${i.heardBefore ? t.heardBefore : ''}`, ...i.lines.map((x) => `  ${x}`)]);
    sections.push({ key: 'objections', lines, sources: uniq(items.map((i) => i.article)) });
  }

  // Close: the next step that fits the goal.
  sections.push(await closeSection(knowledge, lang, opts, productWords));

  // Etiquette reminders from the knowledge base.
  if (!opts.short) {
    const etiquette = await find(knowledge, '等客户先挂电话 结束时感谢客户 语速放慢 hang up first', ['script', 'process', 'policy', 'objection'], 6, lang);
    const found: Array<{ s: string; a: ArticleRecord }> = [];
    for (const a of etiquette) {
      for (const s of linesOf(a.body).flatMap(sentencesOf)) {
        const line = s.replace(/[；;，,、]$/, '。');
        if (/先挂|不先挂|挂电话前|挂断|语速|hang up|slowly/i.test(line) && line.length <= 60 && !found.some((f) => f.s === line)) found.push({ s: line, a });
      }
    }
    const top = found.slice(0, 2);
    if (top.length) sections.push({ key: 'etiquette', lines: top.map((f) => `• ${f.s}`), sources: uniq(top.map((f) => f.a)) });
  }

  return { target, goal: opts.goal, firstCall, recordingRequired, sections };
}

const CLOSE_QUERIES: Record<Goal, string> = {
  appointment: '促成下一步 约时间 再打给您 约演示 预约',
  trial: '免费试用 开通试用 体验 促成',
  deposit: '定金 付款 开卡 成交 促成 付两年',
  renewal: '续费 续约 升级 到期 老客户',
};
const CLOSE_WORDS: Record<Goal, RegExp> = {
  appointment: /再打|再联系|约|哪天|什么时候|方便|call you|meet/i,
  trial: /试用|体验|trial/i,
  deposit: /定金|订金|付款|付两年|一年还是两年|开卡|下单|deposit|pay/i,
  renewal: /续费|续约|续卡|升级|到期|renew/i,
};

async function closeSection(knowledge: KnowledgeService, lang: Lang, opts: PieceOptions, productWords: string): Promise<Section> {
  const t = texts(lang);
  const words = CLOSE_WORDS[opts.goal];
  const articles = await find(knowledge, `${CLOSE_QUERIES[opts.goal]} ${productWords}`, ['script', 'product', 'process', 'policy'], 5);
  let said: { text: string; a: ArticleRecord } | null = null;
  for (const a of articles) {
    for (const q of quotesIn(a.body)) {
      if (!words.test(q) || !/[？?]/.test(q)) continue;
      said = { text: clip(q, 120), a };
      break;
    }
    if (said) break;
  }
  // The offer or rule behind that step (a trial's length, a payment option), as the article says it.
  let offer: { text: string; a: ArticleRecord } | null = null;
  if (opts.goal !== 'appointment') {
    for (const a of articles.filter((x) => x.kind === 'product' || x.kind === 'policy')) {
      const line = linesOf(a.body).find((x) => words.test(x) && x.length >= 8 && !quotesIn(x).length);
      if (line) {
        offer = { text: clip(line, opts.short ? 70 : 110), a };
        break;
      }
    }
  }
  const lines: string[] = [];
  if (said) lines.push(`“${said.text}”`);
  if (offer && !opts.short) lines.push(`• ${offer.text}`);
  if (!lines.length && offer) lines.push(`• ${offer.text}`);
  if (!lines.length) return { key: 'close', lines: [t.fallbackClose[opts.goal]], sources: [] };
  return { key: 'close', lines, sources: uniq([said?.a, offer?.a].filter((a): a is ArticleRecord => !!a)) };
}

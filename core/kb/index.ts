import type { ArticleKind } from '../domain.ts';
import type { KbArticle } from './article.ts';
import { loadGeneralIdf, UNKNOWN_WORD_IDF } from './lexicon.ts';
import { numberKeys } from './numbers.ts';
import { kbDictionary, normalise, Segmenter, type Unit, type WordCutter } from './segment.ts';
import { stem } from './stem.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';
import { TypoCorrector } from './typo.ts';

/**
 * Lexical retrieval with abstention over a knowledge base.
 *
 * Ranking: BM25F over four fields (title, example questions, tags, body) with KB IDF, jieba words
 * plus KB-dictionary terms, synonyms, typo readings and character bigrams as lower-weight channels;
 * then the best 50 candidates are rescored by their closest short text (the title or one example
 * question, IDF-weighted cosine): near-duplicate phrasing is the strongest FAQ signal.
 *
 * Abstention: a question is answered only when the best article covers enough of what the
 * question is about. Each question word weighs by its specificity in general Chinese (jieba's IDF
 * table, squared so that rare words dominate), ×1.5 when the KB never uses the word; coverage is
 * the weighted share of question words found in the top article (literally, through a synonym, a
 * typo correction, or partly by its characters). Off-topic questions ("底薪多少", "澳洲能寄吗")
 * leave their most specific words uncovered.
 *
 * Concept IDF: every form of a concept (the word, its synonyms, typo readings) weighs by the IDF
 * of the concept, i.e. of the documents holding any form, capped by the form's own IDF. This stops
 * a rare surface form ("call" in a mostly Chinese KB, "反映" used once in passing) from outweighing
 * the concept's common form, and lets synonyms weigh nearly as much as the literal word (0.9).
 *
 * All weights live in DEFAULT_TUNING. They were chosen by coordinate search on the dev set together
 * with two invented KBs of other companies (test/kb/fixtures); measured (hit@1 / hit@3 / abstention):
 *                         dev (80 q)            language school (16 q)   broadband (25 q)
 *   first version         .544 / .706 / .75     .818 / .818 / 1          .632 / .684 / .833
 *   BM25F + coverage      .662 / .721 / .833    .909 / .909 / 1          .684 / .737 / .833
 *     ranking only        .765 / .868           1 / 1                    .842 / .947
 *   + concept IDF, synonyms, ordinals, English filler stop words
 *                         .735 / .809 / .833    .909 / .909 / 1          .737 / .789 / .833
 *     ranking only        .838 / .941           1 / 1                    .895 / 1
 * Measured and not kept: a separate character 1–2-gram channel fused by normalised score sum
 * (fuseChar, dev ranking ±0 to −.015, broadband −.05); part-of-speech weighting of KB-unknown words
 * in coverage (nouns as topic words: no better separation). The coverage threshold is stable from
 * 0.33 to 0.35 (dev abstention .83; at 0.30–0.32 it falls to .75).
 */

export interface SearchHit {
  slug: string;
  title: string;
  kind: ArticleKind;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** false = abstain: the KB has no answer. */
  answered: boolean;
  /** Weighted share of the question the top article covers (0–1): the abstention signal. */
  coverage: number;
  /** The top article's score against the most a perfect match of this question could score (0–1). */
  strength?: number;
}

/**
 * Every weight of the ranking and abstention in one place, so the dev set and the invented sets of
 * test/kb can be measured against the same numbers (and a sweep can vary them).
 */
export interface KbTuning {
  k1: number;
  /** Field weights and length normalisation: title, example questions, tags, body. */
  fields: readonly [FieldTuning, FieldTuning, FieldTuning, FieldTuning];
  /** Query-term weights by where the term came from. */
  wWord: number;
  /** A one-character word jieba leaves ("打", "算") is vague: it weighs less than a word. */
  wSingle: number;
  wSynonym: number;
  wTypo: number;
  wBigram: number;
  wChar: number;
  wNumber: number;
  /** Weight of the best match of the question against one short text (title or example question). */
  wShort: number;
  /** Short-text similarity = matched / (question mass^q · short-text mass^(1−q)); 0.5 is the cosine. */
  shortQ: number;
  /** Coverage: word weight = general IDF ^ covPow, × covSingle for one-character words, × covUnknown for words the KB never uses. */
  covPow: number;
  covSingle: number;
  covUnknown: number;
  /** Coverage credit for a word whose characters (not the word) occur in the article, per character. */
  covChar: number;
  /** Credit for a word the KB never uses whose characters all occur in the article ("嫌贵" vs "嫌…太贵"). */
  covAllChars: number;
  minCoverage: number;
  /** Weigh every form of a concept by the concept's IDF (documents holding any form), capped by the form's own. */
  conceptIdf: boolean;
  /** > 0: word and character channels are scored apart, each normalised by its best article, and summed with this weight on characters. */
  fuseChar: number;
}

interface FieldTuning {
  weight: number;
  b: number;
}

export const DEFAULT_TUNING: KbTuning = {
  k1: 1.8,
  fields: [
    { weight: 3, b: 0.3 },
    { weight: 2.5, b: 0.5 },
    { weight: 2, b: 0.3 },
    { weight: 1, b: 0.5 },
  ],
  wWord: 1,
  wSingle: 1,
  wSynonym: 0.9,
  wTypo: 0.7,
  wBigram: 0.3,
  wChar: 0,
  wNumber: 0.8,
  wShort: 0.7,
  shortQ: 0.5,
  covPow: 2,
  covSingle: 1,
  covUnknown: 1.5,
  covChar: 0.3,
  covAllChars: 0.6,
  minCoverage: 0.34,
  conceptIdf: true,
  fuseChar: 0,
};

/** Coverage credit for a question word met only through a synonym or a typo correction. */
const CREDIT_SYNONYM = 0.8;
const CREDIT_TYPO = 0.7;
/** English words have no general IDF table here: weigh them as a typical content word. */
const ENGLISH_SPECIFICITY = 9;
const NUMBER_SPECIFICITY = 5;
/** Answer only when the top article covers at least this share of the question. */
export const MIN_COVERAGE = DEFAULT_TUNING.minCoverage;
/** General IDF below this: an everyday word ("介绍", "客户"), never read as a typo. */
const COMMON_WORD_IDF = 8;
/** The short-text channel rescores this many of the best BM25F candidates. */
const RERANK = 50;

interface Doc {
  article: KbArticle;
  terms: Set<string>;
  /** All fields, normalised: substring checks for coverage. */
  text: string;
  /** Title and example questions as short documents: their terms and IDF mass. */
  shorts: Array<{ terms: Set<string>; mass: number }>;
}

export interface KbIndexOptions {
  /** Word cutter for Han text; jieba unless a comparison asks otherwise. */
  cutter?: WordCutter;
  minCoverage?: number;
  /** Overrides of DEFAULT_TUNING (for measurements). */
  tuning?: Partial<KbTuning>;
}

export class KbIndex {
  private readonly docs: Doc[] = [];
  /** term → [doc index, saturated BM25F tf] pairs, flattened. */
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly synonymsOf = new Map<string, number[]>();
  private readonly segmenter: Segmenter;
  private readonly typos: TypoCorrector;
  private readonly generalIdf = loadGeneralIdf();
  private readonly minCoverage: number;
  private readonly t: KbTuning;

  private constructor(articles: readonly KbArticle[], opts: KbIndexOptions) {
    this.t = { ...DEFAULT_TUNING, ...opts.tuning };
    this.minCoverage = opts.minCoverage ?? this.t.minCoverage;
    const kbTerms = kbDictionary(articles);
    const synonymTerms = SYNONYM_GROUPS.flat().filter((t) => /\p{Script=Han}/u.test(t));
    this.segmenter = new Segmenter([...kbTerms, ...synonymTerms], opts.cutter);
    SYNONYM_GROUPS.forEach((group, g) => {
      for (const member of group) {
        const key = synonymKey(member);
        this.synonymsOf.set(key, [...(this.synonymsOf.get(key) ?? []), g]);
      }
    });

    // Per-field term frequencies and lengths, then BM25F's saturated tf per (term, doc).
    const fieldTf: Array<Array<Map<string, number>>> = [];
    const fieldLen: number[][] = [];
    for (const a of articles) {
      const texts = [a.title, a.questions.join('\n'), a.tags.join('\n'), a.body].map(normalise);
      const perField = texts.map((t) => countTerms(this.segmenter.terms(t)));
      fieldTf.push(perField);
      fieldLen.push(perField.map((m) => sum(m.values())));
      const terms = new Set<string>();
      for (const m of perField) for (const t of m.keys()) terms.add(t);
      const shorts = [a.title, ...a.questions].map((x) => ({ terms: new Set(this.segmenter.terms(normalise(x)).filter((t) => !t.startsWith('^'))), mass: 0 }));
      this.docs.push({ article: a, terms, text: texts.join('\n'), shorts });
    }
    const FIELDS = this.t.fields;
    const K1 = this.t.k1;
    const avgLen = FIELDS.map((_, f) => Math.max(1, sum(fieldLen.map((l) => l[f] ?? 0)) / Math.max(1, articles.length)));
    fieldTf.forEach((perField, d) => {
      const combined = new Map<string, number>();
      perField.forEach((tfs, f) => {
        const { weight, b } = FIELDS[f]!;
        const norm = 1 - b + (b * (fieldLen[d]?.[f] ?? 0)) / (avgLen[f] ?? 1);
        for (const [t, tf] of tfs) combined.set(t, (combined.get(t) ?? 0) + (weight * tf) / norm);
      });
      for (const [t, tf] of combined) {
        const list = this.postings.get(t);
        const entry = [d, tf / (K1 + tf)];
        if (list) list.push(...entry);
        else this.postings.set(t, entry);
      }
    });
    const n = articles.length;
    for (const [t, list] of this.postings) {
      const df = list.length / 2;
      this.idf.set(t, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    for (const doc of this.docs) {
      for (const short of doc.shorts) {
        for (const t of short.terms) short.mass += (t.startsWith('~') ? this.t.wBigram : this.t.wWord) * (this.idf.get(t) ?? 0);
        short.mass = Math.max(short.mass, 1e-9);
      }
    }
    const known = (s: string) => this.generalIdf.has(s) || this.segmenter.hasTerm(s) || this.postings.has(`~${s}`) || this.postings.has(s);
    const common = (w: string) => (this.generalIdf.get(w) ?? Infinity) < COMMON_WORD_IDF;
    this.typos = new TypoCorrector(kbTerms, known, common);
  }

  static build(articles: readonly KbArticle[], opts: KbIndexOptions = {}): KbIndex {
    return new KbIndex(articles, opts);
  }

  get size(): number {
    return this.docs.length;
  }

  search(query: string, opts: { limit?: number } = {}): SearchResult {
    const limit = opts.limit ?? 5;
    const q = this.analyse(query);
    const word = new Map<number, number>();
    const chars = new Map<number, number>();
    // A concept (a question word with its synonyms and typo readings) counts once, by its best
    // form: an article that lists five words for "pay" must not outscore one that says "refund".
    for (const group of q.groups) {
      const best = new Map<number, number>();
      const isChar = group[0]![0].startsWith('~') || group[0]![0].startsWith('^');
      const cidf = this.t.conceptIdf ? this.conceptIdf(group) : 0;
      for (const [term, weight] of group) {
        const list = this.postings.get(term);
        if (!list) continue;
        const w = weight * (this.t.conceptIdf ? Math.min(cidf, this.idf.get(term) ?? 0) : (this.idf.get(term) ?? 0));
        for (let i = 0; i < list.length; i += 2) {
          const d = list[i]!;
          const v = w * list[i + 1]!;
          if (v > (best.get(d) ?? 0)) best.set(d, v);
        }
      }
      const into = isChar && this.t.fuseChar > 0 ? chars : word;
      for (const [d, v] of best) into.set(d, (into.get(d) ?? 0) + v);
    }
    let ranked: Array<[number, number]>;
    if (this.t.fuseChar > 0) {
      const maxW = Math.max(1e-9, ...word.values());
      const maxC = Math.max(1e-9, ...chars.values());
      const all = new Set([...word.keys(), ...chars.keys()]);
      ranked = [...all].map((d) => [d, (word.get(d) ?? 0) / maxW + (this.t.fuseChar * (chars.get(d) ?? 0)) / maxC] as [number, number]);
      ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      if (this.t.wShort > 0) {
        const sims = ranked.slice(0, RERANK).map(([d, v]) => [d, v, this.shortSimilarity(q, this.docs[d]!)] as const);
        const maxS = Math.max(1e-9, ...sims.map((x) => x[2]));
        ranked = sims.map(([d, v, sim]) => [d, v + (this.t.wShort * sim) / maxS] as [number, number]);
        ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      }
    } else {
      ranked = [...word].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      if (this.t.wShort > 0) {
        // Near-duplicate phrasing of a title or an example question is the strongest FAQ signal:
        // rescore the best candidates by their closest short text (cosine over IDF-weighted terms).
        const qMass = sum(q.groups.map((g) => Math.max(0, ...g.map(([t, w]) => w * (this.idf.get(t) ?? 0)))));
        ranked = ranked.slice(0, RERANK).map(([d, v]) => [d, v + this.t.wShort * qMass * this.shortSimilarity(q, this.docs[d]!)] as [number, number]);
        ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      }
    }
    ranked = ranked.slice(0, limit);
    const qMassAll = sum(q.groups.map((g) => Math.max(0, ...g.map(([t, w]) => w * (this.idf.get(t) ?? 0)))));
    const strength = ranked[0] && qMassAll > 0 ? Math.min(1, ranked[0][1] / ((1 + this.t.wShort) * qMassAll)) : 0;
    const top = ranked[0];
    const coverage = top ? this.coverage(q, this.docs[top[0]]!) : 0;
    const hits = ranked.map(([d, score]) => {
      const a = this.docs[d]!.article;
      return { slug: a.slug, title: a.title, kind: a.kind, score: Math.round(score * 1000) / 1000 };
    });
    return { hits, answered: coverage >= this.minCoverage, coverage: Math.round(coverage * 1000) / 1000, strength: Math.round(strength * 1000) / 1000 };
  }

  /** IDF of a concept: documents containing any of its forms (a word, its synonyms, typo readings). */
  private conceptIdf(group: Array<[string, number]>): number {
    if (group.length === 1) return this.idf.get(group[0]![0]) ?? 0;
    const docs = new Set<number>();
    for (const [term] of group) {
      const list = this.postings.get(term);
      if (list) for (let i = 0; i < list.length; i += 2) docs.add(list[i]!);
    }
    const n = this.docs.length;
    return Math.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5));
  }

  /** Debugging aid: question units with specificity and whether the top article covers them. */
  debugCoverage(query: string, slug: string): string {
    const q = this.analyse(query);
    const doc = this.docs.find((x) => x.article.slug === slug)!;
    return q.units.map((u) => {
      const spec = this.specificity(u);
      const c = doc.terms.has(u.text) || (u.cjk && doc.text.includes(u.text)) ? 'Y' : u.synonyms.some((t) => doc.terms.has(t)) ? 'S' : u.typos.some((t) => doc.terms.has(t)) ? 'T' : 'n';
      return `${u.text}:${spec.toFixed(1)}${this.inKb(u) ? '' : '!'}${c}`;
    }).join(' ');
  }

  /** Debugging aid: per-term contributions to one article's score. */
  explain(query: string, slug: string): { units: string[]; terms: Array<[string, number]> } {
    const q = this.analyse(query);
    const d = this.docs.findIndex((x) => x.article.slug === slug);
    const terms: Array<[string, number]> = [];
    for (const [term, weight] of q.groups.flat()) {
      const list = this.postings.get(term) ?? [];
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === d) terms.push([term, Math.round(weight * (this.idf.get(term) ?? 0) * list[i + 1]! * 100) / 100]);
      }
    }
    return { units: q.units.map((u) => `${u.text}[${u.synonyms.length}s${u.typos.join(',')}]`), terms: terms.sort((a, b) => b[1] - a[1]) };
  }

  /** Question → weighted search terms, and the units whose coverage decides abstention. */
  private analyse(query: string): Analysed {
    const text = normalise(query);
    const weights = new Map<string, number>();
    const add = (t: string, w: number) => weights.set(t, Math.max(weights.get(t) ?? 0, w));
    const words = this.segmenter.words(text);
    const units: AnalysedUnit[] = this.segmenter.units(text).map((u) => ({ ...u, synonyms: [], typos: [] }));
    const corrections = this.typos.corrections(text, words);
    const groups: Array<Map<string, number>> = [];
    const seen = new Set<string>();
    for (const u of units) {
      if (seen.has(u.text)) continue; // "再想想再想想" says it once
      seen.add(u.text);
      const group = new Map<string, number>();
      const add = (t: string, w: number) => group.set(t, Math.max(group.get(t) ?? 0, w));
      add(u.text, u.cjk && u.text.length === 1 && !this.segmenter.hasTerm(u.text) ? this.t.wSingle : this.t.wWord);
      for (const g of this.synonymsOf.get(u.text) ?? []) {
        for (const m of SYNONYM_GROUPS[g]!) for (const t of memberTerms(m)) if (t !== u.text) u.synonyms.push(t);
      }
      for (const c of corrections) if (c.start < u.end && c.end > u.start) u.typos.push(c.term);
      for (const t of u.synonyms) add(t, this.t.wSynonym);
      for (const t of u.typos) add(t, this.t.wTypo);
      if (/^\d/.test(u.text)) for (const k of numberKeys(Number(u.text))) add(k, this.t.wNumber);
      groups.push(group);
    }
    // English phrases of the synonym table ("referral rate") span several units.
    for (const group of SYNONYM_GROUPS) {
      if (group.some((m) => m.includes(' ') && text.includes(m))) {
        groups.push(new Map(group.flatMap((m) => memberTerms(m)).map((t) => [t, this.t.wWord] as const)));
      }
    }
    const bigrams = new Set(this.segmenter.terms(text).filter((t) => t.startsWith('~')));
    for (const t of bigrams) groups.push(new Map([[t, this.t.wBigram]]));
    if (this.t.wChar > 0 || this.t.fuseChar > 0) {
      const chars = new Set(this.segmenter.terms(text).filter((t) => t.startsWith('^')));
      for (const t of chars) groups.push(new Map([[t, this.t.wChar]]));
    }
    return { groups: groups.map((g) => [...g]), units };
  }

  /** Best cosine between the question and one of the article's short texts (title, example questions). */
  shortSimilarity(q: Analysed, doc: Doc): number {
    let best = 0;
    for (const short of doc.shorts) {
      let matched = 0;
      let qMass = 0;
      for (const g of q.groups) {
        let m = 0;
        let all = 0;
        for (const [t, w] of g) {
          if (t.startsWith('^')) continue;
          const v = w * (this.idf.get(t) ?? 0);
          all = Math.max(all, v);
          if (short.terms.has(t)) m = Math.max(m, v);
        }
        matched += m;
        qMass += all;
      }
      if (matched > 0 && qMass > 0) best = Math.max(best, (matched / qMass ** this.t.shortQ) / short.mass ** (1 - this.t.shortQ));
    }
    return best;
  }

  private coverage(q: Analysed, doc: Doc): number {
    let total = 0;
    let covered = 0;
    for (const u of q.units) {
      let spec = this.specificity(u) ** this.t.covPow;
      if (u.cjk && u.text.length === 1) spec *= this.t.covSingle;
      if (!this.inKb(u)) spec *= this.t.covUnknown;
      total += spec;
      if (doc.terms.has(u.text) || (u.cjk && doc.text.includes(u.text))) covered += spec;
      else if (u.synonyms.some((t) => doc.terms.has(t))) covered += spec * CREDIT_SYNONYM;
      else if (u.typos.some((t) => doc.terms.has(t))) covered += spec * CREDIT_TYPO;
      else if (/^\d/.test(u.text) && numberKeys(Number(u.text)).some((k) => doc.terms.has(k))) covered += spec;
      else if (u.cjk && this.t.covChar > 0) {
        const chars = [...u.text];
        const present = chars.filter((c) => doc.text.includes(c)).length;
        covered += present === chars.length ? spec * Math.max(this.t.covAllChars, this.t.covChar) : (spec * this.t.covChar * present) / chars.length;
      }
    }
    return total > 0 ? covered / total : 0;
  }

  /** Whether the KB knows the word at all (itself, a synonym or a typo reading of it). */
  private inKb(u: AnalysedUnit): boolean {
    const has = (t: string) => this.postings.has(t);
    return has(u.text) || u.synonyms.some(has) || u.typos.some(has) || (u.cjk && u.text.length >= 2 && has(`~${u.text.slice(0, 2)}`) && u.text.length === 2);
  }

  private specificity(u: Unit): number {
    if (/^\d/.test(u.text)) return NUMBER_SPECIFICITY;
    if (!u.cjk) return ENGLISH_SPECIFICITY;
    return this.generalIdf.get(u.text) ?? UNKNOWN_WORD_IDF;
  }
}

interface AnalysedUnit extends Unit {
  synonyms: string[];
  typos: string[];
}

interface Analysed {
  /** Concepts of the question, each as its alternative terms with weights. */
  groups: Array<Array<[string, number]>>;
  units: AnalysedUnit[];
}

/** How a synonym-table entry appears among a question's units: Han as is, English stemmed. */
function synonymKey(member: string): string {
  return /\p{Script=Han}/u.test(member) ? member : member.split(' ').map(stem).join(' ');
}

/** Index terms an entry of the synonym table stands for. */
function memberTerms(member: string): string[] {
  return /\p{Script=Han}/u.test(member) ? [member] : member.split(/[\s]+/).map(stem);
}

function countTerms(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function sum(xs: Iterable<number>): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

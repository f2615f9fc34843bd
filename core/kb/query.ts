import { loadGeneralIdf, partOfSpeech, UNKNOWN_WORD_IDF } from './lexicon.ts';
import type { Unit } from './segment.ts';
import { stem } from './stem.ts';
import { isStopword } from './stopwords.ts';

/**
 * Repairs of a question's word cut before it is searched. jieba cuts by a general lexicon; a rep's
 * question is colloquial and about one company, so its cut goes wrong in a few regular ways. Each
 * repair asks one thing of the KB: whether it uses a word (`isKbWord`).
 */

/** Only a word this rare in general Chinese is suspected of being a mis-cut ("通才" 11.4, not "新人" 8.5). */
const SPLIT_MIN_IDF = 9.5;

/**
 * jieba sometimes joins the end of one word and the start of the next into a rare word of its own
 * ("打多少通才算" → "通才"). A two-part word the KB doesn't use, whose parts it uses as words (or
 * that are fillers), is read as those parts.
 */
export function splitMisCuts(units: Unit[], isKbWord: (t: string) => boolean): Unit[] {
  const idf = loadGeneralIdf();
  return units.flatMap((u) => {
    if (!u.cjk || u.text.length < 2 || u.text.length > 3 || isKbWord(u.text) || (idf.get(u.text) ?? Infinity) < SPLIT_MIN_IDF) return [u];
    const c = [...u.text];
    for (let k = 1; k < c.length; k++) {
      const parts = [c.slice(0, k).join(''), c.slice(k).join('')];
      if (parts.every((p) => isKbWord(p) || isStopword(p)) && parts.some((p) => isKbWord(p) && !isStopword(p))) {
        return parts.flatMap((p, i) => (isStopword(p) ? [] : [{ text: p, start: i ? u.start + k : u.start, end: i ? u.end : u.start + k, cjk: true }]));
      }
    }
    return [u];
  });
}

/**
 * A word neither jieba nor the KB knows comes out as single characters ("外呼" → "外", "呼").
 * Adjacent single characters the KB never uses as words are taken together as that unknown word,
 * so that it weighs as one unfamiliar topic rather than as two vague characters.
 */
export function joinUnknownChars(units: Unit[], isKbWord: (t: string) => boolean): Unit[] {
  const lone = (x: Unit) => x.cjk && x.end - x.start === 1 && !isKbWord(x.text);
  const out: Unit[] = [];
  let run = false; // the last unit of out is a run of such characters
  for (const u of units) {
    const prev = out[out.length - 1];
    if (prev && run && lone(u) && prev.end === u.start && prev.text.length < 4) {
      out[out.length - 1] = { text: prev.text + u.text, start: prev.start, end: u.end, cjk: true };
    } else {
      out.push(u);
      run = lone(u);
    }
  }
  return out;
}

/**
 * Spoken Chinese puts pronouns and particles inside set phrases: "别给他打电话" is "别打",
 * "不让我打" is "不让打". Where a word and the next content word (or its first character) make a
 * dictionary term once the filler between them is dropped, the term replaces the first word.
 */
export function joinAcrossFillers(units: Unit[], isTerm: (t: string) => boolean): Unit[] {
  const out = [...units];
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (!a.cjk || !b.cjk || b.start === a.end) continue;
    if (isTerm(a.text + b.text)) out.splice(i, 2, { text: a.text + b.text, start: a.start, end: b.end, cjk: true });
    else if (b.text.length > 1 && isTerm(a.text + b.text[0]!)) out[i] = { text: a.text + b.text[0]!, start: a.start, end: a.end, cjk: true };
  }
  return out;
}

/** Spoken words often carry one character more than the written term: "时间段" for "时段". */
export function elisions(word: string, isKbWord: (t: string) => boolean): string[] {
  const out: string[] = [];
  if (word.length < 3 || word.length > 4 || isKbWord(word)) return out;
  for (let i = 1; i < word.length - 1; i++) {
    const short = word.slice(0, i) + word.slice(i + 1);
    if (isKbWord(short) && !isStopword(short)) out.push(short);
  }
  return out;
}

// ── how much a question word says about the topic ──

/** A word jieba's IDF table lacks counts as this specific; numbers and English words get fixed values. */
const NUMBER_SPECIFICITY = 5;
const ENGLISH_SPECIFICITY = 9;

/**
 * Everyday English words that set the scene of a question, not its topic ("how long until it
 * actually works"): weighed like a number and never read as an unfamiliar topic. Without a
 * general English word-frequency table every English word would count as rare.
 */
const COMMON_EN = new Set(
  `long until actually way time day week month year make take give keep work know think look use find put try
  leave feel seem mean show start begin run new good first last next great little old big high low different
  small large early late able right wrong sure best better lot lots kind sort bit part place case point fact
  people guy yeah basically probably usually normally generally exactly away today tomorrow yesterday soon later
  back around enough every always never often sometimes happen happens happened problem problems question
  questions issue issues thing things ways stuff someone bad fine nice`
    .split(/\s+/u)
    .filter(Boolean)
    .map(stem),
);

/**
 * Spoken quantities and durations ("一个多月", "半个月", "几年", "六口", "俩"): context of a
 * question, not its topic, however rare the exact wording is in written Chinese.
 */
const QUANTITY = /^第?(?=.*[\d几半两俩一二三四五六七八九十百千万])[\d几半两俩一二三四五六七八九十百千万多好每]+个?多?(?:年|月|天|日|周|礼拜|星期|次|回|遍|岁|小时|分钟|号|点|块|元|口|通|单|人|台|张|盒|期|节|份|家)?$/u;

/** jieba's tags of scene-setting word classes: time, measure, numeral, pronoun, adverb, preposition, conjunction, particle, interjection. */
const CONTEXT_POS = /^(t|tg|q|m|mq|r|rr|rz|d|dg|p|c|u\w*|y|e|o)$/;

/** Noun-like tags: an unfamiliar noun is usually what an off-topic question is about ("防腐剂", "澳洲"). */
const NOUN_POS = /^(n|nz|ns|nt|nr|nrt|vn|eng)$/;
/** Any word at least this rare in general Chinese names a topic too ("请假" 9.3, "团购" 9.9). */
const RARE_TOPIC_IDF = 9;

/**
 * How specific a question word is in Chinese at large (jieba's IDF): "客户" 6.1, "防腐剂" 9.5. Time
 * words, measure words, adverbs and the like ("明天", "这批", "最少") set the scene, so they weigh
 * like a number; a colloquial form weighs like the verb it inflects ("挂掉" like "挂").
 */
export function specificity(u: Unit, lemma: string | null, isConcept: boolean): number {
  if (/^\d/.test(u.text) || QUANTITY.test(u.text)) return NUMBER_SPECIFICITY;
  if (!u.cjk) return COMMON_EN.has(u.text) ? NUMBER_SPECIFICITY : ENGLISH_SPECIFICITY;
  if (!isConcept && CONTEXT_POS.test(partOfSpeech(u.text) ?? '')) return NUMBER_SPECIFICITY;
  const idf = loadGeneralIdf();
  const own = idf.get(u.text) ?? UNKNOWN_WORD_IDF;
  return lemma ? Math.min(own, idf.get(lemma) ?? UNKNOWN_WORD_IDF) : own;
}

/**
 * Whether a word can be what a question is about: a noun (words jieba doesn't know count as nouns:
 * they are usually names) or any rare word. "明天", "最少", "挂" only set the scene.
 */
export function isTopicWord(u: Unit): boolean {
  if (!u.cjk) return !COMMON_EN.has(u.text);
  return NOUN_POS.test(partOfSpeech(u.text) ?? 'n') || (loadGeneralIdf().get(u.text) ?? 0) >= RARE_TOPIC_IDF;
}

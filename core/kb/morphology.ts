/**
 * Spoken Chinese inflects verbs in ways a knowledge base written in plain style does not: reps
 * type "瞅瞅", "商量商量", "想一想", "挂掉", "付清", "听不清", "卖不卖" where an article says
 * "看", "商量", "挂断", "付款". These forms are rare in jieba's general corpus, so they would
 * also look highly specific and wrongly count as "the KB doesn't know this" for abstention.
 * `lemma` reduces such a word to the verb it inflects; the caller decides whether that helps.
 */

/** Resultative and directional complements that follow a verb ("挂掉", "说完", "拿出来"). */
const COMPLEMENTS = ['出来', '过来', '起来', '下来', '上来', '回来', '进来', '出去', '过去', '下去', '上去', '回去', '进去', '掉', '完', '好', '到', '住', '走', '清', '光', '够'];

/** The verb a colloquial form inflects, or null when the word is not such a form. */
export function lemma(word: string): string | null {
  const c = [...word];
  const n = c.length;
  if (n < 2 || !/^\p{Script=Han}+$/u.test(word)) return null;
  // Reduplication: 瞅瞅 → 瞅, 商量商量 → 商量, 想一想 → 想.
  if (n === 2 && c[0] === c[1]) return c[0]!;
  if (n === 4 && c[0] === c[2] && c[1] === c[3]) return c[0]! + c[1]!;
  if (n === 3 && c[1] === '一' && c[0] === c[2]) return c[0]!;
  // A-not-A questions: 卖不卖 → 卖, 送不送 → 送, 能不能 → 能.
  if (n === 3 && c[1] === '不' && c[0] === c[2]) return c[0]!;
  if (n === 5 && c[2] === '不' && c[0] === c[3] && c[1] === c[4]) return c[0]! + c[1]!;
  // Potential forms: 听不清 / 听得清 → 听, 付不起 → 付.
  if (n === 3 && (c[1] === '不' || c[1] === '得')) return c[0]!;
  // Verb + complement: 挂掉 → 挂, 查出来 → 查, 付清 → 付.
  for (const suffix of COMPLEMENTS) {
    if (word.endsWith(suffix) && n - suffix.length >= 1 && n - suffix.length <= 2) return word.slice(0, -suffix.length);
  }
  return null;
}

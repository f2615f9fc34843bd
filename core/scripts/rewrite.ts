/**
 * With an LLM: the script's sections rewritten to flow, from the pieces only (prompts/call-script.md).
 * Grounding is checked, not hoped for: every figure (digits, 8折, 两千元, 15天 …) and every offer or
 * policy word (免费, 折扣, 退款, 分期 …) in a rewritten section must appear in that section's pieces
 * or in the articles it cites. A sentence that breaks this is removed; a section left empty, or an
 * opening that lost the recording notice, is the deterministic one; an unusable answer is the
 * deterministic script. Each case leaves a log line.
 */
import { z } from 'zod';
import type { Lang } from '../domain.ts';
import type { LlmPort, Logger } from '../ports.ts';
import { loadPrompt } from '../prompts.ts';
import type { ArticleRecord } from '../records.ts';
import { sentencesOf } from './pieces.ts';
import { SECTION_KEYS, type ScriptPieces, type Section } from './types.ts';

const LlmScript = z.object({
  sections: z.array(z.object({ key: z.string(), text: z.string() })).default([]),
});

const DIGITS = /\d[\d,，]*(?:\.\d+)?/g;
const HAN_FIGURE = /[零〇一二两三四五六七八九十百千万]+(?:折|元|块|天|期|个月|月|年|%|倍|成|人|次|盒|袋|分钟|小时)/g;
const OFFER_WORDS =
  /免费|赠送|赠品|送您|返现|退款|退货|包退|无理由|折扣|打折|优惠|立减|减免|分期|免息|押金|定金|订金|保价|终身|保证|免单|买一送一|涨价|特价|限时|名额|\bfree\b|discount|refund|installments?|guarantee|deposit|bonus|\b\d+% off|price rise|limited/gi;

function numbersIn(text: string): string[] {
  return [...text.matchAll(DIGITS)].map((m) => m[0].replace(/[,，]/g, '').replace(/\.$/, ''));
}

function sourceText(section: Section, pieceLines: string[]): string {
  return [...pieceLines, ...section.sources.map((a: ArticleRecord) => `${a.title}\n${a.tags.join(' ')}\n${a.body}\n${a.questions.join('\n')}`)].join('\n');
}

/** The figures and offer words of `text` that `source` does not contain. */
export function ungrounded(text: string, source: string): string[] {
  const lowerSource = source.toLowerCase();
  const known = new Set(numbersIn(source));
  const out: string[] = [];
  for (const n of numbersIn(text)) if (!known.has(n)) out.push(n);
  // "一年", "一次": a single one is how sentences are made, not a figure anyone could invent.
  for (const m of text.matchAll(HAN_FIGURE)) if (!/^一[^零〇一二两三四五六七八九十百千万]/.test(m[0]) && !source.includes(m[0])) out.push(m[0]);
  for (const m of text.matchAll(OFFER_WORDS)) if (!lowerSource.includes(m[0].toLowerCase())) out.push(m[0]);
  return out;
}

/** The text without the sentences that state something the source does not contain. */
export function dropUngrounded(text: string, source: string): { text: string; dropped: string[] } {
  const dropped: string[] = [];
  const lines = text.split('\n').map((line) => {
    const kept = sentencesOf(line).filter((s) => {
      const bad = ungrounded(s, source);
      if (bad.length) dropped.push(...bad);
      return !bad.length;
    });
    return kept.join(/\p{Script=Han}/u.test(line) ? '' : ' ');
  });
  return { text: lines.filter((l) => l.trim() && !/^[•·\-\s"“”]*$/.test(l)).join('\n'), dropped };
}

const MAX_SECTION_CHARS = 1_200;

/**
 * The sections' rewritten lines by key, or null to use the deterministic script. `deps.logger`
 * gets a line whenever something is removed or replaced.
 */
export async function rewriteScript(
  pieces: ScriptPieces,
  opts: { lang: Lang; short: boolean; customerName: string | null },
  deps: { llm?: LlmPort; logger: Logger },
): Promise<Map<string, string[]> | null> {
  if (!deps.llm) return null;
  const input = {
    language: opts.lang,
    goal: pieces.goal,
    short: opts.short,
    customer: opts.customerName,
    recordingNotice: pieces.recordingRequired,
    sections: pieces.sections.map((s) => ({ key: s.key, lines: s.lines })),
  };
  let raw: unknown;
  try {
    raw = await deps.llm.completeJson({ system: loadPrompt('call-script'), user: JSON.stringify(input, null, 1) });
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, 'LLM call script failed; using the deterministic script');
    return null;
  }
  const parsed = LlmScript.safeParse(raw);
  if (!parsed.success || !parsed.data.sections.length) {
    deps.logger.warn({ issues: parsed.success ? [] : parsed.error.issues.slice(0, 3) }, 'LLM call script did not match the schema; using the deterministic script');
    return null;
  }
  const out = new Map<string, string[]>();
  const removed: string[] = [];
  const replaced: string[] = [];
  for (const section of pieces.sections) {
    const got = parsed.data.sections.find((s) => s.key === section.key && SECTION_KEYS.includes(s.key as Section['key']));
    if (!got?.text.trim()) {
      replaced.push(section.key);
      continue;
    }
    const { text, dropped } = dropUngrounded(got.text.trim().slice(0, MAX_SECTION_CHARS), sourceText(section, section.lines));
    removed.push(...dropped);
    const lostNotice = section.key === 'opening' && pieces.recordingRequired && !/录音|record/i.test(text);
    if (!text.trim() || lostNotice) {
      replaced.push(section.key);
      continue;
    }
    out.set(section.key, text.split('\n'));
  }
  if (removed.length) deps.logger.warn({ removed: [...new Set(removed)].slice(0, 10) }, 'LLM call script stated figures or offers the articles do not contain; removed them');
  if (replaced.length) deps.logger.warn({ sections: replaced }, 'LLM call script sections unusable; using the deterministic ones');
  if (!out.size) {
    deps.logger.warn({}, 'LLM call script unusable; using the deterministic script');
    return null;
  }
  return out;
}

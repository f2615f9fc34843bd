/**
 * A script as text: a header (who, goal, the last contact), then one block per section with its
 * citation line. The deterministic script is the pieces as they are; rewrite.ts may replace the
 * sections' lines, never the header or the citations.
 */
import { customerLabel, timeZoneOf } from '../calls/confirmation.ts';
import { labels } from '../calls/labels.ts';
import type { Context } from '../context.ts';
import { formatShort } from '../format.ts';
import type { Block } from '../reply.ts';
import { texts } from './texts.ts';
import type { ScriptPieces, Section } from './types.ts';

export function header(ctx: Context, pieces: ScriptPieces, short: boolean): string {
  const t = texts(ctx.lang);
  const l = labels(ctx.lang);
  const lines: string[] = [];
  if (pieces.target.kind === 'customer') {
    const { customer: c, last, objections } = pieces.target.history;
    const head = [customerLabel(ctx, c), l.stage[c.stage]];
    if (c.grade) head.push(t.grade(c.grade));
    lines.push(t.title(head.join(' · ')) + (short ? t.shortTag : ''));
    lines.push(t.goalLine(t.goal[pieces.goal]));
    if (last) {
      const bits = [formatShort(last.occurredAt, timeZoneOf(ctx)), l.kind[last.kind]];
      if (last.result) bits.push(l.result[last.result]);
      if (last.products.length) bits.push(l.list(last.products));
      lines.push(t.last(bits.join(' · ')));
    } else lines.push(t.noHistory);
    if (objections.length) lines.push(t.objectionsHeard(l.list(objections.map((o) => l.objection[o as keyof typeof l.objection] ?? o))));
  } else {
    lines.push(t.title(pieces.target.name) + (short ? t.shortTag : ''));
    lines.push(t.goalLine(t.goal[pieces.goal]));
  }
  return lines.join('\n');
}

export function citation(ctx: Context, section: Section): string | null {
  const t = texts(ctx.lang);
  if (!section.sources.length) return null;
  return t.cite(section.sources.map((a) => t.title2(a.title)).join(''));
}

export function sectionText(ctx: Context, section: Section, lines: string[] = section.lines): string {
  const cite = citation(ctx, section);
  return [texts(ctx.lang).heading[section.key], ...lines, ...(cite ? [cite] : [])].join('\n');
}

/** The script as text blocks: the header, then one block per section (Slack shows each as a section). */
export function assembleBlocks(ctx: Context, pieces: ScriptPieces, short: boolean, rewritten?: Map<string, string[]>): Block[] {
  return [
    { type: 'text', text: header(ctx, pieces, short) },
    ...pieces.sections.map((s): Block => ({ type: 'text', text: sectionText(ctx, s, rewritten?.get(s.key) ?? s.lines) })),
  ];
}

/**
 * Splits Telegram HTML into messages of at most 4,096 characters (measured on the HTML, which is
 * never shorter than the text Telegram counts). Cuts go at line breaks; a line longer than a whole
 * message is cut at its last space that fits (or anywhere), never inside a tag, an entity or a
 * surrogate pair. Tags open at a cut (a <pre> table, a <b>) are closed at the end of the part and
 * reopened at the start of the next, so every part is valid HTML on its own.
 */

export const TELEGRAM_MESSAGE_LIMIT = 4096;

interface OpenTag {
  name: string;
  /** The opening tag as written, e.g. `<a href="…">`, to reopen it. */
  open: string;
}

const TOKEN = /<\/?[a-zA-Z][^>]*>|&#?[a-zA-Z0-9]+;|[^<&]+|[<&]/g;

/** Text broken into pieces that must not be cut: tags, entities and single characters. */
function atoms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (t.length > 1 && (t.startsWith('<') || t.startsWith('&'))) out.push(t);
    else out.push(...Array.from(t));
  }
  return out;
}

/** Updates the open-tag stack for one atom. */
function track(stack: OpenTag[], atom: string): OpenTag[] {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(atom);
  if (!m || atom.endsWith('/>')) return stack;
  const name = m[2]!.toLowerCase();
  if (!m[1]) return [...stack, { name, open: atom }];
  const i = stack.map((t) => t.name).lastIndexOf(name);
  return i < 0 ? stack : [...stack.slice(0, i), ...stack.slice(i + 1)];
}

const closing = (stack: OpenTag[]) => stack.map((t) => `</${t.name}>`).reverse().join('');
const reopening = (stack: OpenTag[]) => stack.map((t) => t.open).join('');

export function splitHtml(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return [html];
  const parts: string[] = [];
  let stack: OpenTag[] = [];
  let current = '';
  /** Whether `current` holds anything beyond the reopened tags. */
  let filled = false;

  const flush = () => {
    if (filled) parts.push(current.replace(/\n+$/, '') + closing(stack));
    current = reopening(stack);
    filled = false;
  };
  const append = (pieces: string[]) => {
    for (const a of pieces) stack = track(stack, a);
    current += pieces.join('');
    if (pieces.length) filled = true;
  };
  const fits = (pieces: string[]) => {
    const after = pieces.reduce(track, stack);
    return current.length + pieces.reduce((n, a) => n + a.length, 0) + closing(after).length <= limit;
  };

  const lines = html.split('\n');
  lines.forEach((line, i) => {
    const pieces = atoms(i < lines.length - 1 ? `${line}\n` : line);
    if (fits(pieces)) return append(pieces);
    flush();
    if (fits(pieces)) return append(pieces);
    // A line longer than a whole message: take as much as fits, cut at the last space in it.
    let rest = pieces;
    while (rest.length) {
      let n = 0;
      let size = 0;
      for (let st = stack; n < rest.length; n += 1) {
        const a = rest[n]!;
        const next = track(st, a);
        if (current.length + size + a.length + closing(next).length > limit) break;
        st = next;
        size += a.length;
      }
      if (n === 0) {
        if (!filled) throw new Error(`splitHtml: a limit of ${limit} cannot hold the open tags`);
        flush();
        continue;
      }
      if (n < rest.length) {
        const space = rest.lastIndexOf(' ', n - 1);
        if (space > 0) n = space + 1;
      }
      append(rest.slice(0, n));
      rest = rest.slice(n);
      if (rest.length) flush();
    }
  });
  if (filled) parts.push(current + closing(stack));
  return parts;
}

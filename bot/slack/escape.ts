/**
 * Slack text escaping. The core's text is plain text, never Slack markup: every text we send has
 * &, < and > turned into entities, so user input echoed back can never become a link, a mention
 * (<@U…>) or a broadcast (<!channel>, <!here>).
 */

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes `text` and cuts it so the escaped result fits in `max` characters (an entity is never
 * cut in half); a cut text ends with "…".
 */
export function escapeWithin(text: string, max: number): string {
  const escaped = escapeSlack(text);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const ch of text) {
    const piece = escapeSlack(ch);
    if (out.length + piece.length + 1 > max) break;
    out += piece;
  }
  return `${out}…`;
}

/**
 * Splits already-escaped text into pieces of at most `max` characters, at line breaks when it can
 * and never inside an entity (&amp; &lt; &gt;).
 */
export function splitEscaped(escaped: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = escaped;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut <= 0) {
      cut = max;
      const amp = rest.lastIndexOf('&', cut - 1);
      if (amp >= 0 && amp > cut - 5 && rest.indexOf(';', amp) >= cut) cut = amp;
      // Never split a surrogate pair (emoji, rare CJK).
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.length || !pieces.length) pieces.push(rest);
  return pieces;
}

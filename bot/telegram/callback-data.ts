/**
 * A button's action and value as Telegram callback data (at most 64 bytes): `action|value`, or
 * just `action` when there is no value. Core actions are short names ("call.undo") and values are
 * ids ("42", "42:7"), so this fits by a wide margin; a button that would not fit is reported by
 * `encodeCallbackData` returning null (the caller leaves it out and logs it) rather than being
 * cut, which would hand the core a wrong value.
 */

export const CALLBACK_DATA_MAX_BYTES = 64;
const SEP = '|';

export function encodeCallbackData(action: string, value?: string): string | null {
  if (!action || action.includes(SEP)) return null;
  const data = value === undefined ? action : `${action}${SEP}${value}`;
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_MAX_BYTES ? data : null;
}

/** The action and value back from callback data; the value may itself contain `|`. */
export function decodeCallbackData(data: string): { name: string; value?: string } | null {
  if (!data) return null;
  const at = data.indexOf(SEP);
  if (at < 0) return { name: data };
  if (at === 0) return null;
  return { name: data.slice(0, at), value: data.slice(at + 1) };
}

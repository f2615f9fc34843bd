/**
 * Phone numbers in a log: Chinese mobiles (13912345678, 139 1234 5678, +86 139…), landlines
 * with area codes (010-12345678, 0755 8888 6666), international (+44 20 7946 0958).
 * Kept as the digits the rep typed, separators dropped; a leading + stays.
 */

const PATTERNS: RegExp[] = [
  /(?<![\d+])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g, // CN mobile
  /(?<![\d+])\+\d{1,3}[-\s]?(?:\(\d{1,4}\)[-\s]?)?\d{1,4}(?:[-\s]?\d{2,4}){1,4}(?!\d)/g, // international
  /(?<![\d+])\(?0\d{2,3}\)?[-\s]?\d{3,4}[-\s]?\d{4}(?!\d)/g, // CN / UK landline with area code
  /(?<![\d+])07\d{3}[-\s]?\d{3}[-\s]?\d{3}(?!\d)/g, // UK mobile: 07700 900461
  /(?<![\d+.])(?<!\d,)\d{7,15}(?!\d|[.,]\d)/g, // any other long run of digits
];

export interface PhoneMatch {
  phone: string;
  start: number;
  end: number;
}

export function findPhone(text: string): PhoneMatch | null {
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m) continue;
    const raw = m[0].trim();
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    return { phone: (raw.startsWith('+') ? '+' : '') + digits, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

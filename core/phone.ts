/**
 * Phone numbers are masked wherever someone other than their owner can read them
 * (channels, digests, logs): 13812345678 → 138****5678.
 */

/** A phone-like run of digits: 7 to 15 digits, optionally with +, spaces or dashes between. */
const PHONE_RUN = /(?<![\d*])\+?\d[\d -]{5,17}\d(?![\d*])/g;

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return phone;
  const head = digits.length >= 11 ? 3 : 2;
  return `${digits.slice(0, head)}****${digits.slice(-4)}`;
}

/** Masks every phone number inside free text. */
export function maskPhonesIn(text: string): string {
  return text.replace(PHONE_RUN, (run) => (run.replace(/\D/g, '').length >= 7 ? maskPhone(run) : run));
}

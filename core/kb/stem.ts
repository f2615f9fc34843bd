/**
 * Light English stemming: enough to meet "calls"/"calling"/"called" and "referrals"/"referral",
 * without a full Porter stemmer's surprises on product names.
 */
const IRREGULAR: Record<string, string> = { thru: 'through', paid: 'pay', bought: 'buy', told: 'tell', sold: 'sell' };

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$|'$/u, '');
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(w)) {
    /* keep: "class", "status", "basis" */
  } else if (/(ches|shes|xes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1); // "rate"/"rated" → "rat", same stem either way
  return w;
}

/** "calling" → "call" stays, "stopped" → "stop". */
function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

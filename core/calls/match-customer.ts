/**
 * Which customer a log is about: by phone first, then by name (+ company) among the rep's own
 * customers. Never another rep's customer: the rep would then read and change data they do not own.
 */
import type { ExtractedActivity } from '../extract/types.ts';
import type { Store } from '../ports.ts';
import type { CustomerRecord } from '../records.ts';

export type CustomerMatch =
  | { kind: 'existing'; customer: CustomerRecord }
  /** Several fit: the first (most recently contacted) is used, the others offered as buttons. */
  | { kind: 'ambiguous'; customer: CustomerRecord; others: CustomerRecord[] }
  | { kind: 'new' }
  /** The message names nobody and gives no number. */
  | { kind: 'none' };

const same = (a: string | null, b: string | null) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

export async function matchCustomer(store: Store, ownerId: number, a: ExtractedActivity): Promise<CustomerMatch> {
  if (!a.phone && !a.customer) return { kind: 'none' };
  const { byPhone, byName } = await store.customers.findMatches(ownerId, { phone: a.phone, name: a.customer });
  if (byPhone[0]) return { kind: 'existing', customer: byPhone[0] };
  if (!a.customer) return { kind: 'new' };

  let candidates = byName;
  if (a.company) {
    // A different company means a different person; an unknown company may be the same one.
    candidates = candidates.filter((c) => !c.company || same(c.company, a.company));
  }
  if (a.phone) {
    // A different known number means a different person.
    candidates = candidates.filter((c) => !c.phone);
  }
  const [first, ...others] = candidates;
  if (!first) return { kind: 'new' };
  if (!others.length) return { kind: 'existing', customer: first };
  const exact = a.company ? candidates.filter((c) => same(c.company, a.company)) : [];
  if (exact.length === 1 && exact[0]) return { kind: 'existing', customer: exact[0] };
  return { kind: 'ambiguous', customer: first, others };
}

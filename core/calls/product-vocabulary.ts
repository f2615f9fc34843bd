/**
 * The product names the call-log extractor knows for a team: the knowledge base's product
 * articles, and what the team's own logs have named before. A product found in one log is
 * recognised in the next even when nothing there says it is one ("热水器全保意向还行"), as
 * `salesbot parse --jsonl` does within a batch (core/extract/vocabulary.ts). The history grows at
 * once with each log of this process; it is re-read (for other processes' logs) at most every 15
 * minutes of message time per team, so a log rarely pays the extra round trip.
 */
import type { Store } from '../ports.ts';

/** How far back a team's logs are read, and how often. */
const SCAN = 1_000;
const REFRESH_MS = 15 * 60_000;

export interface ProductCatalog {
  /** Product names to recognise; with a team, its history too. */
  productNames(team?: { id: number; now: Date }): Promise<string[]>;
  /** Names a log of the team has just recorded. */
  remember?(teamId: number, names: readonly string[]): void;
}

export class ProductVocabulary implements ProductCatalog {
  private readonly history = new Map<number, { names: Set<string>; loadedAt: number }>();

  constructor(
    private readonly catalog: { productNames(): Promise<string[]> },
    private readonly store: Store,
  ) {}

  async productNames(team?: { id: number; now: Date }): Promise<string[]> {
    const kb = await this.catalog.productNames();
    if (!team) return kb;
    let seen = this.history.get(team.id);
    if (!seen || team.now.getTime() - seen.loadedAt >= REFRESH_MS || team.now.getTime() < seen.loadedAt) {
      seen = { names: new Set(await this.store.activities.recentProductNames(team.id, SCAN)), loadedAt: team.now.getTime() };
      this.history.set(team.id, seen);
    }
    return [...new Set([...kb, ...seen.names])];
  }

  remember(teamId: number, names: readonly string[]): void {
    const seen = this.history.get(teamId);
    if (seen) for (const n of names) seen.names.add(n);
  }
}

/**
 * The product names the call-log extractor knows for a team: the knowledge base's product
 * articles, and the names the team's own logs share. A product found in two of its logs is
 * recognised in the next even when nothing there says it is one ("热水器全保意向还行"), much as
 * `salesbot parse --jsonl` shares names within a batch (core/extract/vocabulary.ts); a one-off
 * mis-reading stays out. The history grows at once with each log of this process, is forgotten
 * on Undo or Edit, and is re-read (for other processes' logs) at most every 15 minutes of message
 * time per team, so a log rarely pays the extra round trip.
 */
import type { Store } from '../ports.ts';

/** How far back a team's logs are read, and how often. */
const SCAN = 1_000;
const REFRESH_MS = 15 * 60_000;
/** Logs a name must appear in before it is known. */
const SHARED_BY = 2;

export interface ProductCatalog {
  /** Product names to recognise; with a team, the names its logs share too. */
  productNames(team?: { id: number; now: Date }): Promise<string[]>;
  /** Names a log of the team has just recorded. */
  remember?(teamId: number, names: readonly string[]): void;
  /** A log of the team was undone or replaced: re-read its history. */
  forget?(teamId: number): void;
}

interface History {
  /** How many of the team's logs name each product. */
  logCount: Map<string, number>;
  loadedAt: number;
}

export class ProductVocabulary implements ProductCatalog {
  private readonly history = new Map<number, History>();

  constructor(
    private readonly catalog: { productNames(): Promise<string[]> },
    private readonly store: Store,
  ) {}

  async productNames(team?: { id: number; now: Date }): Promise<string[]> {
    const kb = await this.catalog.productNames();
    if (!team) return kb;
    let h = this.history.get(team.id);
    const now = team.now.getTime();
    if (!h || now - h.loadedAt >= REFRESH_MS || now < h.loadedAt) {
      const counts = await this.store.activities.recentProductCounts(team.id, SCAN);
      h = { logCount: new Map(counts.map((c) => [c.name, c.logs])), loadedAt: now };
      this.history.set(team.id, h);
    }
    const shared = [...h.logCount].filter(([, n]) => n >= SHARED_BY).map(([name]) => name);
    return [...new Set([...kb, ...shared])];
  }

  remember(teamId: number, names: readonly string[]): void {
    const h = this.history.get(teamId);
    if (h) for (const name of new Set(names)) h.logCount.set(name, (h.logCount.get(name) ?? 0) + 1);
  }

  forget(teamId: number): void {
    this.history.delete(teamId);
  }
}

/** The shapes shared by the call-script modules. */
import type { ActivityRecord, ArticleRecord, CustomerRecord } from '../records.ts';

/** What the call should end with. */
export const GOALS = ['appointment', 'trial', 'deposit', 'renewal'] as const;
export type Goal = (typeof GOALS)[number];

/** A customer with what their activities say about them. */
export interface CustomerHistory {
  customer: CustomerRecord;
  /** Distinct products discussed, most recent first. */
  products: string[];
  /** Distinct objection codes heard, most recent first. */
  objections: string[];
  last: ActivityRecord | null;
}

export type ScriptTarget =
  | { kind: 'customer'; history: CustomerHistory }
  | { kind: 'product'; name: string; article: ArticleRecord };

export const SECTION_KEYS = ['opening', 'discovery', 'value', 'objections', 'close', 'etiquette'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** One section of a script: its lines and the articles they come from. */
export interface Section {
  key: SectionKey;
  lines: string[];
  sources: ArticleRecord[];
}

/** Everything a script is made of, before it is written out. */
export interface ScriptPieces {
  target: ScriptTarget;
  goal: Goal;
  /** No contact yet (or a product alone): the opening introduces us. */
  firstCall: boolean;
  /** The team's policy articles require a recording notice. */
  recordingRequired: boolean;
  sections: Section[];
}

/**
 * The vocabulary of the domain, shared by the core, the database schema and the adapters.
 * Values follow ../shared/spec/formats.md (§2) and ../shared/domain.md.
 */

export const PLATFORMS = ['console', 'slack', 'telegram'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ROLES = ['rep', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const ACTIVITY_KINDS = ['call', 'visit', 'message', 'meeting'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const CALL_RESULTS = ['connected', 'no_answer', 'busy', 'invalid_number'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

/** Intent grade: A high, B medium, C low. */
export const GRADES = ['A', 'B', 'C'] as const;
export type Grade = (typeof GRADES)[number];

/** Customer lifecycle: lead → contacted → intent (A-card) → won, or lost. */
export const STAGES = ['lead', 'contacted', 'intent', 'won', 'lost'] as const;
export type Stage = (typeof STAGES)[number];

export const OBJECTIONS = [
  'price',
  'think_it_over',
  'consult_others',
  'has_supplier',
  'send_materials',
  'no_time',
  'no_need',
  'trust',
  'competitor_cheaper',
  'other',
] as const;
export type Objection = (typeof OBJECTIONS)[number];

export const CUSTOMER_SOURCES = ['cold_call', 'inbound', 'referral', 'other'] as const;
export type CustomerSource = (typeof CUSTOMER_SOURCES)[number];

export const FOLLOW_UP_STATUSES = ['pending', 'done', 'snoozed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const ARTICLE_KINDS = ['product', 'objection', 'process', 'policy', 'script', 'faq'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const TARGET_METRICS = ['deals', 'revenue', 'dials_per_day', 'connected_per_day'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

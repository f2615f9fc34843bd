/**
 * The records the core reads and writes through the store port. The database layer maps its
 * rows onto these; the core never sees a driver type.
 */
import type { KbArticle } from './kb/article.ts';
import type {
  ActivityKind,
  CallResult,
  CustomerSource,
  FollowUpStatus,
  Grade,
  Lang,
  Platform,
  Role,
  Stage,
} from './domain.ts';

export interface TeamRecord {
  id: number;
  name: string;
  timezone: string;
  lang: Lang;
  isDefault: boolean;
  /** Working hours, cadence… as stored (jsonb); core/reminders/settings.ts reads it with defaults. */
  settings?: unknown;
}

export interface UserRecord {
  id: number;
  displayName: string;
  lang: Lang | null;
  langFixed: boolean;
  timezone: string | null;
}

export interface MembershipRecord {
  teamId: number;
  userId: number;
  role: Role;
}

export interface MemberSummary {
  user: UserRecord;
  roles: Role[];
}

export interface CustomerRecord {
  id: number;
  teamId: number;
  ownerId: number;
  name: string;
  company: string | null;
  phone: string | null;
  grade: Grade | null;
  stage: Stage;
  doNotCall: boolean;
  source: CustomerSource | null;
  referredBy: string | null;
  intentAt: Date | null;
  wonAt: Date | null;
  lostAt: Date | null;
  lastContactAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewCustomerRecord = Pick<CustomerRecord, 'teamId' | 'ownerId' | 'name'> &
  Partial<Omit<CustomerRecord, 'id' | 'teamId' | 'ownerId' | 'name' | 'createdAt' | 'updatedAt'>>;

export interface ActivityRecord {
  id: number;
  teamId: number;
  authorId: number;
  customerId: number | null;
  kind: ActivityKind;
  customerName: string | null;
  company: string | null;
  phone: string | null;
  result: CallResult | null;
  intent: Grade | null;
  stage: Stage | null;
  durationMin: number | null;
  amount: number | null;
  products: string[];
  objections: string[];
  followUpAt: Date | null;
  doNotCall: boolean;
  referral: boolean;
  rawText: string;
  sourcePlatform: Platform | null;
  sourceMessageId: string | null;
  effects: ActivityEffects | null;
  occurredAt: Date;
  createdAt: Date;
}

/** Changes a logged activity made beyond its own row; Undo reverses them (and deletes the follow-up it scheduled). */
export interface ActivityEffects {
  /** The customer was created by this activity (Undo deletes it if nothing else refers to it). */
  createdCustomer: boolean;
  /** The customer's fields before this activity changed them (only the changed fields). */
  customerBefore: Partial<Pick<CustomerRecord, CustomerMutableField>>;
  /** Pending follow-ups this activity closed (done) or cancelled (do-not-call), with their old status. */
  closedFollowUps: Array<{ id: number; status: FollowUpStatus }>;
}

export type CustomerMutableField =
  | 'name'
  | 'company'
  | 'phone'
  | 'grade'
  | 'stage'
  | 'doNotCall'
  | 'source'
  | 'referredBy'
  | 'intentAt'
  | 'wonAt'
  | 'lostAt'
  | 'lastContactAt';

export interface FollowUpRecord {
  id: number;
  teamId: number;
  customerId: number;
  repId: number;
  activityId: number | null;
  dueAt: Date;
  status: FollowUpStatus;
  notifiedAt: Date | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewFollowUpRecord = Pick<FollowUpRecord, 'teamId' | 'customerId' | 'repId' | 'dueAt'> &
  Partial<Pick<FollowUpRecord, 'activityId' | 'note' | 'status'>>;

/** A follow-up with the customer it is about (for lists and reminders). */
export interface FollowUpWithCustomer extends FollowUpRecord {
  customer: CustomerRecord;
}

export type NewActivityRecord = Pick<ActivityRecord, 'teamId' | 'authorId' | 'kind' | 'rawText' | 'occurredAt'> &
  Partial<Omit<ActivityRecord, 'id' | 'teamId' | 'authorId' | 'kind' | 'rawText' | 'occurredAt' | 'createdAt'>>;

/**
 * What a viewer may read: their own records, plus every record of the teams they manage.
 * Built by core/access.ts; repositories turn it into a WHERE clause.
 */
export interface Scope {
  userId: number;
  managedTeamIds: number[];
}

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** A stored knowledge-base article. */
export interface ArticleRecord extends KbArticle {
  id: number;
  contentHash: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A question asked of the knowledge base, answered or not. */
export interface KbQuestionRecord {
  id: number;
  teamId: number;
  askerId: number;
  text: string;
  platform: Platform | null;
  chatId: string | null;
  answered: boolean;
  articleSlugs: string[];
  helpful: boolean | null;
  resolvedArticleId: number | null;
  createdAt: Date;
}

/** A message waiting in the outbox for its platform's adapter. */
export interface OutboxMessage {
  id: number;
  platform: Platform;
  chatId: string;
  replies: import('./reply.ts').Reply[];
  attempts: number;
  createdAt: Date;
}

/** A follow-up whose reminder is due, with everything the reminder shows. */
export interface DueReminder extends FollowUpWithCustomer {
  rep: UserRecord;
  team: TeamRecord;
  lastActivity: ActivityRecord | null;
  /** Distinct objections and products heard across the customer's activities. */
  objections: string[];
  products: string[];
}

/** A team's time zones in use: the zones of the reps with follow-ups still to remind. */
export interface SchedulingTeam {
  team: TeamRecord;
  zones: string[];
}

/**
 * One row of activity and A-card metrics (per rep, or the team total when repId is null) for a
 * period [from, to). Counts are integers; rates are fractions (0.25 = 25%) or null when their
 * denominator is 0. Definitions: db/repositories/metrics.ts.
 */
export interface MetricsRow {
  repId: number | null;
  repName: string | null;
  dials: number;
  connected: number;
  connectRate: number | null;
  talkMin: number;
  avgCallMin: number | null;
  newCustomers: number;
  newACards: number;
  deals: number;
  referralDeals: number;
  revenue: number;
  followUpsDone: number;
  followUpsDue: number;
  followUpsOverdue: number;
  /** A-card pool: carried over + new (see metrics.ts). */
  carriedACards: number;
  pool: number;
  wonFromPool: number;
  lostFromPool: number;
  cardRate: number | null;
  closeRate: number | null;
  churnRate: number | null;
  referralRate: number | null;
}

export interface TeamMetrics {
  team: MetricsRow;
  reps: MetricsRow[];
}

export interface TargetRecord {
  teamId: number;
  userId: number | null;
  month: string;
  metric: import('./domain.ts').TargetMetric;
  value: number;
}

/** Where a team's digest is posted. */
export interface DigestChannel {
  teamId: number;
  platform: Platform;
  chatId: string;
}

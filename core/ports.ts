/**
 * Ports: everything the core needs from the outside world. Adapters (bot/) and the database
 * layer (db/) implement them; tests use the real implementations.
 */
import type { Platform, Role } from './domain.ts';
import type { KbArticle } from './kb/article.ts';
import type { PlanRecord } from './planning/plan.ts';
import type { Reply } from './reply.ts';
import type {
  ArticleRecord,
  ActivityRecord,
  ActivityEffects,
  AuditEntry,
  CustomerMutableField,
  CustomerRecord,
  DigestChannel,
  DueReminder,
  FollowUpRecord,
  FollowUpWithCustomer,
  KbQuestionRecord,
  MemberSummary,
  MembershipRecord,
  NewActivityRecord,
  NewCustomerRecord,
  NewFollowUpRecord,
  OutboxMessage,
  SchedulingTeam,
  TargetRecord,
  TeamMetrics,
  Scope,
  TeamRecord,
  UserRecord,
} from './records.ts';

export interface Clock {
  now(): Date;
}

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** Everything the router needs about a sender, loaded in one round trip per message. */
export interface SenderSession {
  user: UserRecord;
  memberships: MembershipRecord[];
  /** The team of the sender's first membership; null when they belong to none. */
  team: TeamRecord | null;
  /** The dialogue waiting for this sender's next message in this chat, if any. */
  dialogue: ConversationState | null;
  /** What is stored about the identity the message came from. */
  identity: { directChatId: string | null; lastSeenAt: Date | null };
}

export interface OpenedMessage {
  /** The delivery id was already recorded: a platform retry or a duplicate, to be skipped. */
  duplicate: boolean;
  /** Null when the sender is new. */
  session: SenderSession | null;
}

export interface UserRepository {
  get(id: number): Promise<UserRecord | null>;
  loadSession(platform: Platform, platformUserId: string, chatKey: string, now: Date): Promise<SenderSession | null>;
  /**
   * The start of handling a message, in one round trip: records the platform's delivery id (so a
   * retried delivery is recognised, in any process) and loads the sender's session.
   */
  openMessage(input: { platform: Platform; platformUserId: string; chatKey: string; now: Date; deliveryId?: string }): Promise<OpenedMessage>;
  findByIdentity(platform: Platform, platformUserId: string): Promise<UserRecord | null>;
  /** Users whose display name (or an identity's) equals `name`, case-insensitively. */
  findByName(name: string): Promise<UserRecord[]>;
  createWithIdentity(input: { displayName: string; platform: Platform; platformUserId: string }): Promise<UserRecord>;
  update(id: number, patch: Partial<Pick<UserRecord, 'displayName' | 'lang' | 'langFixed' | 'timezone'>>): Promise<UserRecord>;
  /** Remembers that the user just wrote from this platform (and, for a private chat, which one). */
  touchIdentity(platform: Platform, platformUserId: string, at: Date, directChatId: string | null): Promise<void>;
  /** Where to reach the user privately, most recently used platform first. */
  contactPoints(userId: number): Promise<OutboxTarget[]>;
  /** Moves everything of `fromId` (identities, roles, customers, activities, follow-ups…) to `intoId` and deletes `fromId`. */
  merge(fromId: number, intoId: number): Promise<void>;
  /** Stores a one-time pairing code for /link (replacing the user's previous one). */
  createLinkCode(userId: number, code: string, expiresAt: Date): Promise<void>;
  /** Uses up a pairing code: the user it belongs to, or null when unknown or expired. */
  consumeLinkCode(code: string, now: Date): Promise<number | null>;
}

export interface TeamRepository {
  get(id: number): Promise<TeamRecord | null>;
  getDefault(): Promise<TeamRecord | null>;
  findByName(name: string): Promise<TeamRecord | null>;
  list(): Promise<TeamRecord[]>;
  create(input: { name: string; timezone: string; lang: TeamRecord['lang']; isDefault?: boolean }): Promise<TeamRecord>;
  membershipsOf(userId: number): Promise<MembershipRecord[]>;
  members(teamId: number): Promise<MemberSummary[]>;
  /** Replaces the user's roles in the team; an empty list removes them from it. */
  setRoles(teamId: number, userId: number, roles: Role[]): Promise<void>;
  anyAdmin(): Promise<boolean>;
}

export interface CustomerRepository {
  create(input: NewCustomerRecord): Promise<CustomerRecord>;
  get(id: number): Promise<CustomerRecord | null>;
  update(id: number, patch: Partial<Pick<CustomerRecord, CustomerMutableField>>): Promise<CustomerRecord>;
  delete(id: number): Promise<void>;
  /**
   * The owner's customers whose phone has the same digits, and those with this name
   * (case-insensitive), each most recently contacted first; one query for both.
   */
  findMatches(ownerId: number, by: { phone: string | null; name: string | null }): Promise<{ byPhone: CustomerRecord[]; byName: CustomerRecord[] }>;
  listVisible(scope: Scope, opts?: { limit?: number }): Promise<CustomerRecord[]>;
  /** Visible customers whose name, company or phone contains `query`. */
  search(scope: Scope, query: string, opts?: { limit?: number }): Promise<CustomerRecord[]>;
}

/**
 * A logged activity with everything it changes, written as one atomic statement: logging a call
 * is the bot's hot path, and one round trip instead of eight keeps it in single milliseconds.
 */
export interface ActivityLog {
  /** The customer to create, or the existing one with the fields this activity changes. */
  customer: { create: NewCustomerRecord } | { id: number; patch: Partial<Pick<CustomerRecord, CustomerMutableField>> } | null;
  /** Close the customer's open follow-ups as this status; the closed ones (with their old status) land in `effects.closedFollowUps`. */
  closeFollowUps: 'done' | 'cancelled' | null;
  /** The activity row; its customer id is filled in, and `effects.closedFollowUps` from the closing. */
  activity: Omit<NewActivityRecord, 'customerId'> & { effects: ActivityEffects };
  /** Schedule a follow-up with this customer, by the activity's author. */
  followUpDueAt: Date | null;
  /** The audit entry's action; its actor is the author and its subject the new activity. */
  auditAction: string;
}

export interface LoggedActivity {
  activity: ActivityRecord;
  /** The customer as it is now, when the log created or changed it. */
  customer: CustomerRecord | null;
  followUp: FollowUpRecord | null;
}

export interface ActivityRepository {
  log(input: ActivityLog): Promise<LoggedActivity>;
  get(id: number): Promise<ActivityRecord | null>;
  delete(id: number): Promise<void>;
  listVisible(scope: Scope, opts?: { limit?: number }): Promise<ActivityRecord[]>;
  listForCustomer(customerId: number, opts?: { limit?: number }): Promise<ActivityRecord[]>;
  countForCustomer(customerId: number): Promise<number>;
  /** Product names the team's most recent `scan` activities mention, with how many mention each. */
  recentProductCounts(teamId: number, scan: number): Promise<Array<{ name: string; logs: number }>>;
}

export interface FollowUpRepository {
  create(input: NewFollowUpRecord): Promise<FollowUpRecord>;
  get(id: number): Promise<FollowUpRecord | null>;
  delete(id: number): Promise<void>;
  /** Deletes the follow-ups an activity scheduled (Undo). */
  deleteForActivity(activityId: number): Promise<void>;
  setStatus(ids: number[], status: FollowUpRecord['status']): Promise<void>;
  update(id: number, patch: Partial<Pick<FollowUpRecord, 'dueAt' | 'status' | 'notifiedAt' | 'note'>>): Promise<FollowUpRecord>;
  pendingForCustomer(customerId: number): Promise<FollowUpRecord[]>;
  /** Pending (and snoozed) follow-ups in scope, due before `dueBefore` when given, earliest first. */
  listOpen(scope: Scope, opts?: { dueBefore?: Date; limit?: number }): Promise<FollowUpWithCustomer[]>;
}

/**
 * The reminder scheduler's queries. The follow_ups table is itself the job queue (see
 * core/reminders/tick.ts); claimDue must run inside store.transaction.
 */
export interface ReminderRepository {
  setTeamSettings(teamId: number, settings: unknown): Promise<void>;
  /** Teams with follow-ups still to remind, and the zones their reps work in. */
  schedulingTeams(): Promise<SchedulingTeam[]>;
  /**
   * Locks (FOR UPDATE SKIP LOCKED) up to `limit` open follow-ups due at `now`, not yet reminded,
   * whose customer may be called, whose rep can be reached, and whose (team, rep zone) is one of
   * `windows` (those in working hours now).
   */
  claimDue(now: Date, windows: Array<{ teamId: number; zone: string }>, limit: number): Promise<DueReminder[]>;
  markNotified(ids: number[], at: Date): Promise<void>;
  /** Moves a follow-up (and so its reminder) to `dueAt`; the reminder will be sent again. */
  reschedule(id: number, dueAt: Date, status: 'pending' | 'snoozed'): Promise<FollowUpRecord>;
  /** True the first time (kind, scopeKey, period) is claimed, false ever after (any process). */
  claimRun(kind: string, scopeKey: string, period: string): Promise<boolean>;
  /** Serialises a job across processes until the current transaction ends; false when another process holds it. */
  tryLock(key: number): Promise<boolean>;
  /** A team's graded customers that may be called and have no open follow-up, with their last contact. */
  cadenceCandidates(teamId: number, limit: number): Promise<Array<{ customer: CustomerRecord; since: Date; zone: string }>>;
  /** Users holding open follow-ups in the team (the reps who get an agenda). */
  repsWithOpen(teamId: number): Promise<UserRecord[]>;
  /** The team's open follow-ups due before `before`, for customers that may be called, earliest first. */
  overdue(teamId: number, before: Date, limit: number): Promise<Array<FollowUpWithCustomer & { repName: string }>>;
}

/** A short dialogue waiting for the user's next message in one chat (e.g. Edit asks for the correction). */
export interface ConversationState {
  type: string;
  [key: string]: unknown;
}

export interface ConversationRepository {
  get(userId: number, chatKey: string, now: Date): Promise<ConversationState | null>;
  set(userId: number, chatKey: string, state: ConversationState, expiresAt: Date): Promise<void>;
  clear(userId: number, chatKey: string): Promise<void>;
}

/** Delivery ids are recorded by `users.openMessage`; this forgets one. */
export interface DeliveryRepository {
  /** Forgets a delivery whose handling failed, so the platform's retry is processed. */
  release(platform: Platform, deliveryId: string): Promise<void>;
}

export interface AuditRepository {
  record(entry: AuditEntry): Promise<void>;
}

export interface KnowledgeRepository {
  list(): Promise<ArticleRecord[]>;
  count(): Promise<number>;
  /** Changes whenever an article is added, changed or removed (by any process). */
  fingerprint(): Promise<string>;
  get(id: number): Promise<ArticleRecord | null>;
  findBySlug(slug: string): Promise<ArticleRecord | null>;
  /** Inserts or updates by slug; 'unchanged' when the stored content hash is the same. */
  save(article: KbArticle, contentHash: string): Promise<{ article: ArticleRecord; outcome: 'created' | 'updated' | 'unchanged' }>;
  delete(id: number): Promise<void>;
  /** Deletes every article whose slug is not listed; returns how many. */
  deleteExcept(slugs: string[]): Promise<number>;
}

export interface KbQuestionRepository {
  record(q: Pick<KbQuestionRecord, 'teamId' | 'askerId' | 'text' | 'platform' | 'chatId' | 'answered' | 'articleSlugs'>): Promise<KbQuestionRecord>;
  get(id: number): Promise<KbQuestionRecord | null>;
  setHelpful(id: number, helpful: boolean): Promise<void>;
  /** Unanswered, unresolved questions of a team, newest first, with the asker's name. */
  listGaps(teamId: number, opts?: { limit?: number; since?: Date }): Promise<Array<KbQuestionRecord & { askerName: string }>>;
  /** Marks questions answered by an article; returns them (to tell their askers). */
  resolve(ids: number[], articleId: number): Promise<KbQuestionRecord[]>;
}

/** Where the core sends a message it starts itself (an answer to a gap, a reminder, a digest). */
export interface OutboxTarget {
  platform: Platform;
  chatId: string;
}

/** The sending side of the outbox: the core puts messages in, the platform adapters deliver them. */
export interface Outbox {
  send(target: OutboxTarget, replies: Reply[], opts?: { notBefore?: Date }): Promise<void>;
}

/** The delivering side, used by adapters. */
export interface OutboxQueue extends Outbox {
  /** Takes up to `limit` due messages of a platform (of one chat, if given), leasing them until `leaseUntil` so no other process sends them. */
  claimDue(platform: Platform, now: Date, leaseUntil: Date, limit: number, chatId?: string): Promise<OutboxMessage[]>;
  markSent(id: number, at: Date): Promise<void>;
  /** Gives a message back for another try at `retryAt`. */
  markFailed(id: number, error: string, retryAt: Date): Promise<void>;
  /** Stops trying a message that can never be delivered (the chat blocked the bot, is gone, or too many tries). */
  markAbandoned(id: number, error: string, at: Date): Promise<void>;
}

/** The digest's numbers, computed in SQL (db/repositories/metrics.ts). */
export interface MetricsRepository {
  /**
   * Per-rep rows and the team total for [from, to). `asOf` (default `to`) is the instant follow-ups
   * count as overdue at. `repId` restricts the per-rep rows to one rep (the total stays the team's).
   */
  teamMetrics(teamId: number, from: Date, to: Date, opts?: { asOf?: Date; repId?: number }): Promise<TeamMetrics>;
  /** The objections heard most in [from, to), most frequent first. */
  topObjections(teamId: number, from: Date, to: Date, limit: number): Promise<Array<{ objection: string; count: number }>>;
}

export interface TargetRepository {
  /** Sets (or replaces) a monthly target; userId null = the team's. */
  set(target: TargetRecord & { setBy: number | null }): Promise<void>;
  list(teamId: number, month: string): Promise<TargetRecord[]>;
}

export interface PlanRepository {
  /** Saves (or replaces) the month's plan from /plan of a rep, or of the team (userId null). */
  save(plan: PlanRecord & { setBy: number | null }): Promise<void>;
  /** The month's plans, the team's (userId null) first. */
  list(teamId: number, month: string): Promise<PlanRecord[]>;
}

export interface DigestRepository {
  /** `since` (default: the database's now) is when the chat was chosen: digests missed before it are not sent late. */
  setChannel(channel: DigestChannel & { setBy: number | null; since?: Date }): Promise<void>;
  clearChannel(teamId: number): Promise<boolean>;
  getChannel(teamId: number): Promise<DigestChannel | null>;
  listChannels(): Promise<Array<DigestChannel & { since: Date }>>;
}

export interface Store {
  users: UserRepository;
  teams: TeamRepository;
  customers: CustomerRepository;
  activities: ActivityRepository;
  followUps: FollowUpRepository;
  conversations: ConversationRepository;
  knowledge: KnowledgeRepository;
  questions: KbQuestionRepository;
  outbox: OutboxQueue;
  deliveries: DeliveryRepository;
  audit: AuditRepository;
  reminders: ReminderRepository;
  metrics: MetricsRepository;
  targets: TargetRepository;
  plans: PlanRepository;
  digests: DigestRepository;
  /** Runs `fn` in one database transaction; everything it writes commits or rolls back together. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
}


/**
 * A language model reached through an OpenAI-compatible endpoint. Optional: every feature has a
 * deterministic path, and callers fall back to it when this is absent or throws.
 */
export interface LlmPort {
  /** Asks for a JSON object; the caller validates it. Throws on timeout, HTTP error or non-JSON. */
  completeJson(request: { system: string; user: string; timeoutMs?: number }): Promise<unknown>;
  /** Plain-text completion. Throws on timeout or HTTP error. */
  completeText(request: { system: string; user: string; timeoutMs?: number }): Promise<string>;
}

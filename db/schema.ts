/**
 * The whole domain as drizzle tables. One schema, one migration folder (db/migrations),
 * applied to embedded PGlite and to PostgreSQL alike. Row types are inferred from the tables.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import {
  ACTIVITY_KINDS,
  ARTICLE_KINDS,
  CALL_RESULTS,
  CUSTOMER_SOURCES,
  FOLLOW_UP_STATUSES,
  GRADES,
  LANGS,
  PLATFORMS,
  ROLES,
  STAGES,
  TARGET_METRICS,
} from '../core/domain.ts';
import type { ActivityEffects } from '../core/records.ts';

export const platformEnum = pgEnum('platform', PLATFORMS);
export const roleEnum = pgEnum('role', ROLES);
export const langEnum = pgEnum('lang', LANGS);
export const activityKindEnum = pgEnum('activity_kind', ACTIVITY_KINDS);
export const callResultEnum = pgEnum('call_result', CALL_RESULTS);
export const gradeEnum = pgEnum('grade', GRADES);
export const stageEnum = pgEnum('stage', STAGES);
export const customerSourceEnum = pgEnum('customer_source', CUSTOMER_SOURCES);
export const followUpStatusEnum = pgEnum('follow_up_status', FOLLOW_UP_STATUSES);
export const articleKindEnum = pgEnum('article_kind', ARTICLE_KINDS);
export const targetMetricEnum = pgEnum('target_metric', TARGET_METRICS);

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const teams = pgTable('teams', {
  id: id(),
  name: text('name').notNull().unique(),
  timezone: text('timezone').notNull().default('Asia/Shanghai'),
  lang: langEnum('lang').notNull().default('zh'),
  /** Working hours, cadence and other per-team settings; shape owned by the core. */
  settings: jsonb('settings').notNull().default({}),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: id(),
  displayName: text('display_name').notNull(),
  /** Language last detected or chosen; null until the user says something. */
  lang: langEnum('lang'),
  /** True when the user chose the language with /lang: detection then leaves it alone. */
  langFixed: boolean('lang_fixed').notNull().default(false),
  /** IANA zone when the rep works outside the team's zone. */
  timezone: text('timezone'),
  createdAt: createdAt(),
});

/** One row per platform account; /link can attach several to one user. */
export const identities = pgTable(
  'identities',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: platformEnum('platform').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    displayName: text('display_name'),
    /** The private chat with the bot on this platform: where reminders go. */
    directChatId: text('direct_chat_id'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [unique('identities_platform_user').on(t.platform, t.platformUserId), index('identities_user').on(t.userId)],
);

/** A user may hold several roles in a team (the first local user is admin, manager and rep). */
export const memberships = pgTable(
  'memberships',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId, t.role] }), index('memberships_user').on(t.userId)],
);

export const customers = pgTable(
  'customers',
  {
    id: id(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    company: text('company'),
    phone: text('phone'),
    grade: gradeEnum('grade'),
    stage: stageEnum('stage').notNull().default('lead'),
    doNotCall: boolean('do_not_call').notNull().default(false),
    source: customerSourceEnum('source'),
    /** Who referred this customer, as the rep wrote it. */
    referredBy: text('referred_by'),
    /** When the customer first became an A-card (intent), won, or was lost: the metrics count these. */
    intentAt: timestamp('intent_at', { withTimezone: true }),
    wonAt: timestamp('won_at', { withTimezone: true }),
    lostAt: timestamp('lost_at', { withTimezone: true }),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customers_owner').on(t.ownerId),
    index('customers_team').on(t.teamId),
    // Matching a logged call to the rep's customer (by phone digits, then by name) on every log.
    index('customers_owner_phone_digits').on(t.ownerId, sql`regexp_replace(${t.phone}, '\\D', '', 'g')`),
    index('customers_owner_name').on(t.ownerId, sql`lower(${t.name})`),
    // The digest's A-card metrics: new customers and A-cards of a team in a period.
    index('customers_team_created').on(t.teamId, t.createdAt),
    index('customers_team_intent').on(t.teamId, t.intentAt).where(sql`intent_at is not null`),
  ],
);

/** A logged call, visit, message or meeting: every field of formats.md §2 plus provenance. */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    kind: activityKindEnum('kind').notNull(),
    /** How the rep named the person, as written. */
    customerName: text('customer_name'),
    company: text('company'),
    phone: text('phone'),
    result: callResultEnum('result'),
    intent: gradeEnum('intent'),
    stage: stageEnum('stage'),
    durationMin: real('duration_min'),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    objections: text('objections').array().notNull().default(sql`'{}'::text[]`),
    followUpAt: timestamp('follow_up_at', { withTimezone: true }),
    doNotCall: boolean('do_not_call').notNull().default(false),
    referral: boolean('referral').notNull().default(false),
    rawText: text('raw_text').notNull(),
    sourcePlatform: platformEnum('source_platform'),
    sourceMessageId: text('source_message_id'),
    /** What logging this activity changed elsewhere, so Undo can put it back exactly. */
    effects: jsonb('effects').$type<ActivityEffects>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('activities_author_time').on(t.authorId, t.occurredAt),
    index('activities_team_time').on(t.teamId, t.occurredAt),
    index('activities_customer').on(t.customerId),
    // The digest's objections heard most: only the activities that heard one.
    index('activities_team_time_objections').on(t.teamId, t.occurredAt).where(sql`objections <> '{}'::text[]`),
  ],
);

export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    repId: integer('rep_id')
      .notNull()
      .references(() => users.id),
    activityId: integer('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: followUpStatusEnum('status').notNull().default('pending'),
    /** Set when the reminder went out, so it is never sent twice. */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('follow_ups_due').on(t.status, t.dueAt),
    index('follow_ups_rep').on(t.repId),
    // The reminder tick's queue: only rows still waiting for their reminder are indexed.
    index('follow_ups_unnotified').on(t.dueAt).where(sql`notified_at is null`),
    index('follow_ups_customer').on(t.customerId),
    index('follow_ups_team_due').on(t.teamId, t.dueAt),
  ],
);

/** Knowledge base article (formats.md §1); `slug` is the article's stable id from its file. */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    kind: articleKindEnum('kind').notNull(),
    title: text('title').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    lang: langEnum('lang'),
    questions: text('questions').array().notNull().default(sql`'{}'::text[]`),
    body: text('body').notNull(),
    /** File it was imported from (null when written in chat) and a hash to skip unchanged files. */
    sourcePath: text('source_path'),
    contentHash: text('content_hash'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('knowledge_articles_kind').on(t.kind)],
);

/** Questions asked of the knowledge base; unanswered ones are the managers' gap list. */
export const kbQuestions = pgTable(
  'kb_questions',
  {
    id: id(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    askerId: integer('asker_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    /** Where it was asked, so the asker can be told when a manager answers it. */
    platform: platformEnum('platform'),
    chatId: text('chat_id'),
    answered: boolean('answered').notNull().default(false),
    articleSlugs: text('article_slugs').array().notNull().default(sql`'{}'::text[]`),
    helpful: boolean('helpful'),
    resolvedArticleId: integer('resolved_article_id').references(() => knowledgeArticles.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('kb_questions_team_time').on(t.teamId, t.createdAt)],
);

/** Whose month a target or plan is: the team, a rep of it (userId) or the whole team (null). */
const monthScope = () => ({
  teamId: integer('team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' }),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  /** Month as YYYY-MM in the team's zone. */
  month: text('month').notNull(),
});

/** Monthly target per rep (userId) or for the whole team (userId null). */
export const targets = pgTable(
  'targets',
  {
    id: id(),
    ...monthScope(),
    metric: targetMetricEnum('metric').notNull(),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    setBy: integer('set_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique('targets_scope').on(t.teamId, t.userId, t.month, t.metric).nullsNotDistinct()],
);

/**
 * The month's plan from /plan, per rep (userId) or for the team (userId null): the inputs it used
 * and the chain's results (core/planning/plan.ts), so the digest tracks plan against actual.
 * Running /plan again replaces the month's plan.
 */
export const plans = pgTable(
  'plans',
  {
    id: id(),
    ...monthScope(),
    deals: numeric('deals', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    closeRate: doublePrecision('close_rate').notNull(),
    cardRate: doublePrecision('card_rate').notNull(),
    carried: integer('carried').notNull(),
    days: integer('days').notNull(),
    pool: integer('pool').notNull(),
    newACards: integer('new_acards').notNull(),
    newCustomers: integer('new_customers').notNull(),
    customersPerDay: integer('customers_per_day').notNull(),
    aCardsPerDay: integer('acards_per_day').notNull(),
    setBy: integer('set_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [unique('plans_scope').on(t.teamId, t.userId, t.month).nullsNotDistinct()],
);

/** Platform deliveries already handled: a retried event or update is recognised and skipped. */
export const processedDeliveries = pgTable(
  'processed_deliveries',
  {
    platform: platformEnum('platform').notNull(),
    deliveryId: text('delivery_id').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.deliveryId] })],
);

/** Who changed what, with before/after snapshots (phone numbers included: not user-readable). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId)],
);

/**
 * Messages the bot sends on its own (answers to gaps, reminders, digests). Written in the same
 * transaction as the change that causes them; each adapter delivers those of its platform.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    platform: platformEnum('platform').notNull(),
    chatId: text('chat_id').notNull(),
    /** Core replies (platform-neutral blocks). */
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    /** Not before this time (rate limits, retries, working hours). */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Set when delivery was given up (a chat that blocked the bot, or too many failures); kept for the record. */
    abandonedAt: timestamp('abandoned_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending').on(t.platform, t.sentAt, t.dueAt)],
);

/**
 * Periodic messages already produced (morning agenda, end-of-day nudge, escalation, cadence):
 * the unique key makes each one happen once per period even with several bot processes.
 */
export const scheduledRuns = pgTable(
  'scheduled_runs',
  {
    kind: text('kind').notNull(),
    /** Whose run it is, e.g. "user:12" or "team:3". */
    scopeKey: text('scope_key').notNull(),
    /** The local day (YYYY-MM-DD) the run belongs to. */
    period: text('period').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.scopeKey, t.period] })],
);

/** One-time codes that pair a person's accounts on two platforms (/link). */
export const linkCodes = pgTable('link_codes', {
  code: text('code').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** A short multi-step dialogue waiting for the user's next message (e.g. "Edit" asks for the correction). */
export const conversations = pgTable(
  'conversations',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    chatKey: text('chat_key').notNull(),
    state: jsonb('state').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.chatKey] })],
);

export type Team = typeof teams.$inferSelect;
export type User = typeof users.$inferSelect;
export type Identity = typeof identities.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type Activity = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;
export type FollowUp = typeof followUps.$inferSelect;
export type KnowledgeArticle = typeof knowledgeArticles.$inferSelect;
export type Target = typeof targets.$inferSelect;

/** The chat (Slack channel, Telegram group, terminal) a team's digest is posted to: /digest here. */
export const digestChannels = pgTable('digest_channels', {
  teamId: integer('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  platform: platformEnum('platform').notNull(),
  chatId: text('chat_id').notNull(),
  setBy: integer('set_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

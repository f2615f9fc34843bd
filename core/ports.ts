/**
 * Ports: everything the core needs from the outside world. Adapters (bot/) and the database
 * layer (db/) implement them; tests use the real implementations.
 */
import type { Platform, Role } from './domain.ts';
import type { Reply } from './reply.ts';
import type {
  ActivityRecord,
  AuditEntry,
  CustomerRecord,
  MemberSummary,
  MembershipRecord,
  NewActivityRecord,
  NewCustomerRecord,
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

export interface UserRepository {
  get(id: number): Promise<UserRecord | null>;
  findByIdentity(platform: Platform, platformUserId: string): Promise<UserRecord | null>;
  /** Users whose display name (or an identity's) equals `name`, case-insensitively. */
  findByName(name: string): Promise<UserRecord[]>;
  createWithIdentity(input: { displayName: string; platform: Platform; platformUserId: string }): Promise<UserRecord>;
  update(id: number, patch: Partial<Pick<UserRecord, 'displayName' | 'lang' | 'langFixed' | 'timezone'>>): Promise<UserRecord>;
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
  listVisible(scope: Scope, opts?: { limit?: number }): Promise<CustomerRecord[]>;
}

export interface ActivityRepository {
  create(input: NewActivityRecord): Promise<ActivityRecord>;
  listVisible(scope: Scope, opts?: { limit?: number }): Promise<ActivityRecord[]>;
}

export interface DeliveryRepository {
  /** Records a platform delivery; false when it was already recorded (a retry or a duplicate). */
  claim(platform: Platform, deliveryId: string): Promise<boolean>;
  /** Forgets a delivery whose handling failed, so the platform's retry is processed. */
  release(platform: Platform, deliveryId: string): Promise<void>;
}

export interface AuditRepository {
  record(entry: AuditEntry): Promise<void>;
}

export interface Store {
  users: UserRepository;
  teams: TeamRepository;
  customers: CustomerRepository;
  activities: ActivityRepository;
  deliveries: DeliveryRepository;
  audit: AuditRepository;
  /** Runs `fn` in one database transaction; everything it writes commits or rolls back together. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
}

/** Where the core sends messages it starts itself (reminders, digests). */
export interface OutboxTarget {
  platform: Platform;
  chatId: string;
}

export interface Outbox {
  send(target: OutboxTarget, replies: Reply[]): Promise<void>;
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

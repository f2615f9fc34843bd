/**
 * Who is talking: the platform identity becomes a user. A user seen for the first time is a rep
 * of the default team; the very first user of an installation (no admin yet) is its admin,
 * manager and rep, so a fresh `npm start` can do everything.
 */
import type { Viewer } from './access.ts';
import type { CoreDeps } from './context.ts';
import type { Lang, Role } from './domain.ts';
import { detectLang } from './i18n.ts';
import type { IncomingMessage } from './message.ts';
import type { ConversationState, SenderSession, Store } from './ports.ts';
import type { TeamRecord, UserRecord } from './records.ts';

const SEEN_EVERY_MS = 60 * 60_000;

export interface Sender {
  user: UserRecord;
  viewer: Viewer;
  team: TeamRecord;
  lang: Lang;
  dialogue: ConversationState | null;
}

export async function ensureDefaultTeam(deps: CoreDeps): Promise<TeamRecord> {
  const existing = await deps.store.teams.getDefault();
  if (existing) return existing;
  const { teamName, timezone, lang } = deps.defaults;
  try {
    return await deps.store.teams.create({ name: teamName, timezone, lang, isDefault: true });
  } catch (err) {
    // Another process created it at the same moment.
    const team = await deps.store.teams.getDefault();
    if (team) return team;
    throw err;
  }
}

async function createUser(deps: CoreDeps, msg: IncomingMessage): Promise<void> {
  const team = await ensureDefaultTeam(deps);
  const displayName = msg.userName?.trim() || msg.platformUserId;
  try {
    return await deps.store.transaction(async (store: Store) => {
      const first = !(await store.teams.anyAdmin());
      const user = await store.users.createWithIdentity({
        displayName,
        platform: msg.platform,
        platformUserId: msg.platformUserId,
      });
      const roles: Role[] = first ? ['admin', 'manager', 'rep'] : ['rep'];
      await store.teams.setRoles(team.id, user.id, roles);
      await store.audit.record({ actorId: user.id, action: 'user.created', entity: 'user', entityId: user.id, after: { platform: msg.platform, roles, teamId: team.id } });
    });
  } catch (err) {
    // The same new user's second message raced the first one, which created them: carry on.
    if (await deps.store.users.findByIdentity(msg.platform, msg.platformUserId)) return;
    throw err;
  }
}

/** The sender of a message, from the session the router loaded (null: a user seen for the first time). */
export async function resolveSender(deps: CoreDeps, msg: IncomingMessage, chatKey: string, now: Date, loaded: SenderSession | null): Promise<Sender> {
  const { store } = deps;
  let session = loaded;
  if (!session) {
    await createUser(deps, msg);
    session = await store.users.loadSession(msg.platform, msg.platformUserId, chatKey, now);
    if (!session) throw new Error('user vanished right after it was created');
  }
  let { user } = session;

  // Only free text says which language the user writes in: command arguments are names and keywords.
  const detected = msg.action || /^[/／]/.test(msg.text.trim()) ? null : detectLang(msg.text);
  if (detected && !user.langFixed && detected !== user.lang) {
    user = await store.users.update(user.id, { lang: detected });
  }

  // Remember where this person can be reached privately (reminders go there), without a write
  // on every message: only when the private chat is new or the last mark is an hour old.
  const direct = msg.chatType === 'direct' ? msg.chatId : null;
  const seen = session.identity.lastSeenAt;
  if ((direct && direct !== session.identity.directChatId) || !seen || now.getTime() - seen.getTime() > SEEN_EVERY_MS) {
    await store.users.touchIdentity(msg.platform, msg.platformUserId, now, direct);
  }

  const team = session.team ?? (await ensureDefaultTeam(deps));
  return {
    user,
    viewer: { userId: user.id, memberships: session.memberships },
    team,
    lang: user.lang ?? team.lang,
    dialogue: session.dialogue,
  };
}

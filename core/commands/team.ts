/**
 * /team: who is in my team, and (admins) create teams, add members, set roles, remove members.
 */
import { isAdmin, rolesIn, sortRoles } from '../access.ts';
import type { Command, Context, Feature } from '../context.ts';
import type { Role } from '../domain.ts';
import { defineMessages } from '../i18n.ts';
import type { TeamRecord, UserRecord } from '../records.ts';
import type { Reply } from '../reply.ts';
import { textReply } from '../reply.ts';

const ROLE_WORDS: Record<string, Role> = {
  rep: 'rep', sales: 'rep', 销售: 'rep', 坐席: 'rep', 业务员: 'rep',
  manager: 'manager', lead: 'manager', 经理: 'manager', 主管: 'manager', 组长: 'manager',
  admin: 'admin', 管理员: 'admin',
};

const text = defineMessages(
  {
    usage: '/team [list | create 名称 | add 成员 [角色] | role 成员 角色… | remove 成员] [--team 团队]',
    summary: '查看团队成员；管理员可建团队、加成员、设角色',
    roleNames: { rep: '销售', manager: '经理', admin: '管理员' } as Record<Role, string>,
    members: (team: string) => `团队「${team}」成员：`,
    noMembers: '这个团队还没有成员。',
    teams: '所有团队：',
    adminOnly: '只有管理员可以这样做。',
    created: (team: string) => `已创建团队「${team}」。用 /team add 成员 角色 --team ${team} 添加成员。`,
    exists: (team: string) => `团队「${team}」已经存在。`,
    noTeam: (team: string) => `没有找到团队「${team}」。发送 /team list 查看所有团队。`,
    noUser: (who: string) => `没有找到成员「${who}」。请让对方先给我发一条消息，或者 @ 提及对方。`,
    ambiguous: (who: string) => `有多个人叫「${who}」，请用 @ 提及对方。`,
    badRole: (word: string) => `不认识角色「${word}」。角色可以是：销售(rep)、经理(manager)、管理员(admin)。`,
    needWho: '请写明成员，例如：/team add 李四 销售',
    added: (who: string, team: string, roles: string) => `已把 ${who} 加入「${team}」，角色：${roles}。`,
    rolesSet: (who: string, team: string, roles: string) => `${who} 在「${team}」的角色已设为：${roles}。`,
    removed: (who: string, team: string) => `已把 ${who} 移出「${team}」。`,
    lastAdmin: '不能移除最后一位管理员。请先指定另一位管理员。',
    badSub: (sub: string) => `没有 /team ${sub} 这个用法。`,
  },
  {
    usage: '/team [list | create NAME | add MEMBER [ROLE] | role MEMBER ROLE… | remove MEMBER] [--team TEAM]',
    summary: 'see your team; admins create teams, add members and set roles',
    roleNames: { rep: 'rep', manager: 'manager', admin: 'admin' } as Record<Role, string>,
    members: (team: string) => `Members of "${team}":`,
    noMembers: 'This team has no members yet.',
    teams: 'All teams:',
    adminOnly: 'Only an admin can do that.',
    created: (team: string) => `Team "${team}" created. Add people with /team add MEMBER ROLE --team ${team}.`,
    exists: (team: string) => `Team "${team}" already exists.`,
    noTeam: (team: string) => `No team called "${team}". Send /team list to see the teams.`,
    noUser: (who: string) => `I don't know "${who}" yet. Ask them to message me first, or mention them.`,
    ambiguous: (who: string) => `Several people are called "${who}"; mention the one you mean.`,
    badRole: (word: string) => `Unknown role "${word}". Roles are rep, manager and admin.`,
    needWho: 'Say who, e.g. /team add Li rep',
    added: (who: string, team: string, roles: string) => `Added ${who} to "${team}" as ${roles}.`,
    rolesSet: (who: string, team: string, roles: string) => `${who} is now ${roles} in "${team}".`,
    removed: (who: string, team: string) => `Removed ${who} from "${team}".`,
    lastAdmin: 'You cannot remove the last admin. Make someone else admin first.',
    badSub: (sub: string) => `There is no /team ${sub}.`,
  },
);

/** Splits arguments on spaces, keeping "quoted names" whole, and pulls out `--team NAME`. */
function parseArgs(args: string): { words: string[]; team?: string } {
  const words = [...args.matchAll(/"([^"]+)"|“([^”]+)”|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const i = words.indexOf('--team');
  if (i >= 0) {
    const team = words[i + 1];
    words.splice(i, 2);
    return { words, team };
  }
  return { words };
}

/** A Slack mention `<@U123|name>`, a Telegram-style `@name`, or a plain display name. */
async function findMember(ctx: Context, who: string): Promise<UserRecord | string> {
  const t = text(ctx.lang);
  const mention = who.match(/^<@([A-Z0-9]+)(?:\|[^>]*)?>$/);
  if (mention?.[1]) {
    const id = mention[1];
    return (
      (await ctx.store.users.findByIdentity('slack', id)) ??
      (await ctx.store.users.createWithIdentity({ displayName: id, platform: 'slack', platformUserId: id }))
    );
  }
  const name = who.replace(/^@/, '');
  const found = await ctx.store.users.findByName(name);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) return t.ambiguous(name);
  // In the terminal, naming someone creates their local account: `salesbot chat --user NAME` then acts as them.
  if (ctx.msg.platform === 'console') {
    return ctx.store.users.createWithIdentity({ displayName: name, platform: 'console', platformUserId: name });
  }
  return t.noUser(name);
}

function parseRoles(ctx: Context, words: string[]): Role[] | string {
  const roles: Role[] = [];
  for (const w of words) {
    const role = ROLE_WORDS[w.toLowerCase()];
    if (!role) return text(ctx.lang).badRole(w);
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

function roleList(ctx: Context, roles: Role[]): string {
  const names = text(ctx.lang).roleNames;
  return sortRoles(roles).map((r) => names[r]).join(ctx.lang === 'zh' ? '、' : ', ');
}

async function showMembers(ctx: Context, team: TeamRecord): Promise<Reply[]> {
  const t = text(ctx.lang);
  const members = await ctx.store.teams.members(team.id);
  if (!members.length) return [textReply(t.noMembers)];
  return [
    {
      blocks: [
        { type: 'text', text: t.members(team.name) },
        {
          type: 'table',
          columns: ctx.lang === 'zh' ? ['成员', '角色'] : ['Member', 'Roles'],
          rows: members.map((m) => [m.user.displayName, roleList(ctx, m.roles)]),
        },
      ],
    },
  ];
}

async function run(ctx: Context, args: string): Promise<Reply[]> {
  const t = text(ctx.lang);
  const { words, team: teamName } = parseArgs(args);
  const [sub = '', ...rest] = words;
  let team = ctx.team;
  if (teamName) {
    const named = await ctx.store.teams.findByName(teamName);
    if (!named) return [textReply(t.noTeam(teamName))];
    team = named;
  }

  if (sub === '') return showMembers(ctx, team);
  if (!isAdmin(ctx.viewer)) return [textReply(t.adminOnly)];

  switch (sub.toLowerCase()) {
    case 'list':
      return [textReply([t.teams, ...(await ctx.store.teams.list()).map((x) => `• ${x.name} (${x.timezone})`)].join('\n'))];
    case 'create': {
      const name = rest.join(' ').trim();
      if (!name) return [textReply(t.badSub(sub))];
      if (await ctx.store.teams.findByName(name)) return [textReply(t.exists(name))];
      const created = await ctx.store.teams.create({ name, timezone: ctx.team.timezone, lang: ctx.team.lang });
      await ctx.store.audit.record({ actorId: ctx.user.id, action: 'team.created', entity: 'team', entityId: created.id, after: created });
      return [textReply(t.created(name))];
    }
    case 'add':
    case 'role': {
      const [who, ...roleWords] = rest;
      if (!who) return [textReply(t.needWho)];
      const member = await findMember(ctx, who);
      if (typeof member === 'string') return [textReply(member)];
      const parsed = parseRoles(ctx, roleWords.length ? roleWords : ['rep']);
      if (typeof parsed === 'string') return [textReply(parsed)];
      const current = (await ctx.store.teams.membershipsOf(member.id)).filter((m) => m.teamId === team.id).map((m) => m.role);
      const roles = sub === 'add' ? [...new Set([...current, ...parsed])] : parsed;
      if (current.includes('admin') && !roles.includes('admin') && !(await otherAdminExists(ctx, member.id))) {
        return [textReply(t.lastAdmin)];
      }
      await ctx.store.teams.setRoles(team.id, member.id, roles);
      await ctx.store.audit.record({ actorId: ctx.user.id, action: 'team.roles', entity: 'membership', entityId: `${team.id}:${member.id}`, before: current, after: roles });
      const list = roleList(ctx, roles);
      return [textReply(sub === 'add' ? t.added(member.displayName, team.name, list) : t.rolesSet(member.displayName, team.name, list))];
    }
    case 'remove': {
      const [who] = rest;
      if (!who) return [textReply(t.needWho)];
      const member = await findMember(ctx, who);
      if (typeof member === 'string') return [textReply(member)];
      const current = (await ctx.store.teams.membershipsOf(member.id)).filter((m) => m.teamId === team.id).map((m) => m.role);
      if (current.includes('admin') && !(await otherAdminExists(ctx, member.id))) return [textReply(t.lastAdmin)];
      await ctx.store.teams.setRoles(team.id, member.id, []);
      await ctx.store.audit.record({ actorId: ctx.user.id, action: 'team.removed', entity: 'membership', entityId: `${team.id}:${member.id}`, before: current, after: [] });
      return [textReply(t.removed(member.displayName, team.name))];
    }
    default:
      return [textReply(t.badSub(sub))];
  }
}

/** Whether an admin other than `userId` remains anywhere in the installation. */
async function otherAdminExists(ctx: Context, userId: number): Promise<boolean> {
  for (const team of await ctx.store.teams.list()) {
    const members = await ctx.store.teams.members(team.id);
    if (members.some((m) => m.user.id !== userId && m.roles.includes('admin'))) return true;
  }
  return false;
}

const team: Command = { name: 'team', aliases: ['团队'], help: (l) => text(l), run };

/** Roles of the sender in their current team, for /me. */
export function describeRoles(ctx: Context): string {
  return roleList(ctx, rolesIn(ctx.viewer, ctx.team.id));
}

export const teamFeature: Feature = { commands: [team] };

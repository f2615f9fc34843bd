import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canRead, scopeOf } from '../../core/access.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';
import { databaseKinds } from '../support/db.ts';

describe.each(databaseKinds())('identity, roles and data scope on %s', (kind) => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot(kind);
  });
  afterEach(() => bot.close());

  const as = (user: string) => ({ platformUserId: user, userName: user, chatId: `console:${user}` });

  it('makes the first user admin, manager and rep of the default team, and later users reps', async () => {
    expect(await bot.say('/me', as('boss'))).toContain('管理员、经理、销售');
    expect(await bot.say('/me', as('newbie'))).toMatch(/角色：销售$/m);
    const team = await bot.database.store.teams.getDefault();
    expect(team?.name).toBe('默认团队');
    const members = await bot.database.store.teams.members(team!.id);
    expect(members.map((m) => [m.user.displayName, m.roles])).toEqual([
      ['boss', ['admin', 'manager', 'rep']],
      ['newbie', ['rep']],
    ]);
  });

  it('remembers where each person can be reached privately, most recent platform first', async () => {
    await bot.say('/me', { platform: 'slack', platformUserId: 'U9', userName: 'Ann', chatId: 'D9' });
    await bot.say('/me', { platform: 'slack', platformUserId: 'U9', userName: 'Ann', chatId: 'C-team', chatType: 'group' });
    const ann = (await bot.database.store.users.findByIdentity('slack', 'U9'))!;
    expect(await bot.database.store.users.contactPoints(ann.id)).toEqual([{ platform: 'slack', chatId: 'D9' }]);
    expect(await bot.database.store.users.contactPoints(-1)).toEqual([]);
  });

  it('creates a user on each platform separately', async () => {
    await bot.say('/me', as('boss'));
    await bot.say('/me', { platform: 'slack', platformUserId: 'U1', userName: 'Ann' });
    await bot.say('/me', { platform: 'telegram', platformUserId: '42', userName: 'Ann' });
    const slack = await bot.database.store.users.findByIdentity('slack', 'U1');
    const telegram = await bot.database.store.users.findByIdentity('telegram', '42');
    expect(slack && telegram && slack.id !== telegram.id).toBe(true);
  });

  it('lets only an admin manage teams', async () => {
    await bot.say('/me', as('boss'));
    expect(await bot.say('/team create 北京一组', as('rep1'))).toContain('只有管理员');
    expect(await bot.say('/team add rep2 manager', as('rep1'))).toContain('只有管理员');

    expect(await bot.say('/team create 北京一组', as('boss'))).toContain('已创建团队「北京一组」');
    expect(await bot.say('/team create 北京一组', as('boss'))).toContain('已经存在');
    expect(await bot.say('/team add 李四 经理 --team 北京一组', as('boss'))).toContain('已把 李四 加入「北京一组」，角色：经理');
    expect(await bot.say('/team add 王五 --team 北京一组', as('boss'))).toContain('角色：销售');
    expect(await bot.say('/team role 王五 rep manager --team 北京一组', as('boss'))).toContain('经理、销售');
    expect(await bot.say('/team add 王五 wizard', as('boss'))).toContain('不认识角色「wizard」');
    expect(await bot.say('/team add 赵六 --team 不存在', as('boss'))).toContain('没有找到团队');
    const members = await bot.say('/team --team 北京一组', as('boss'));
    expect(members).toContain('李四');
    expect(members).toContain('王五');
    expect(await bot.say('/team remove 王五 --team 北京一组', as('boss'))).toContain('已把 王五 移出');
    expect(await bot.say('/team --team 北京一组', as('boss'))).not.toContain('王五');
  });

  it('never removes the last admin', async () => {
    await bot.say('/me', as('boss'));
    expect(await bot.say('/team remove boss', as('boss'))).toContain('最后一位管理员');
    expect(await bot.say('/team role boss rep', as('boss'))).toContain('最后一位管理员');
  });

  it('does not create unknown members on chat platforms', async () => {
    await bot.say('/me', { platform: 'slack', platformUserId: 'UADMIN', userName: 'admin' });
    expect(await bot.say('/team add nobody', { platform: 'slack', platformUserId: 'UADMIN' })).toContain('没有找到成员');
    expect(await bot.say('/team add <@U777|ann> manager', { platform: 'slack', platformUserId: 'UADMIN' })).toContain('经理');
    expect(await bot.database.store.users.findByIdentity('slack', 'U777')).not.toBeNull();
  });

  it('shows a rep only their own customers and a manager their whole team, masking phones', async () => {
    const { store } = bot.database;
    await bot.say('/me', as('boss'));
    await bot.say('/team create 二组', as('boss'));
    await bot.say('/team add mgr manager', as('boss'));
    await bot.say('/team add rep1 rep', as('boss'));
    await bot.say('/team add rep2 rep', as('boss'));
    await bot.say('/team add rep3 rep --team 二组', as('boss'));
    await bot.say('/team remove rep3', as('boss'));

    const team1 = (await store.teams.getDefault())!;
    const team2 = (await store.teams.findByName('二组'))!;
    const id = async (name: string) => (await store.users.findByIdentity('console', name))!.id;
    await store.customers.create({ teamId: team1.id, ownerId: await id('rep1'), name: '张总', phone: '13812345678' });
    await store.customers.create({ teamId: team1.id, ownerId: await id('rep2'), name: '李姐', phone: '13987654321' });
    await store.customers.create({ teamId: team2.id, ownerId: await id('rep3'), name: '王老板', phone: '13700001111' });

    const rep1 = await bot.say('/customers', as('rep1'));
    expect(rep1).toContain('张总');
    expect(rep1).toContain('13812345678');
    expect(rep1).not.toContain('李姐');
    expect(rep1).not.toContain('王老板');

    const inGroup = await bot.say('/customers', { ...as('rep1'), chatType: 'group', chatId: 'group-1' });
    expect(inGroup).toContain('138****5678');
    expect(inGroup).not.toContain('13812345678');

    const mgr = await bot.say('/customers', as('mgr'));
    expect(mgr).toContain('张总');
    expect(mgr).toContain('李姐');
    expect(mgr).toContain('138****5678');
    expect(mgr).not.toContain('13812345678');
    expect(mgr).not.toContain('王老板');

    const rep3 = await bot.say('/customers', as('rep3'));
    expect(rep3).toContain('王老板');
    expect(rep3).not.toContain('张总');

    // The same rules at the core's boundary.
    const mgrUser = await id('mgr');
    const viewer = { userId: mgrUser, memberships: await store.teams.membershipsOf(mgrUser) };
    expect(scopeOf(viewer).managedTeamIds).toEqual([team1.id]);
    expect(canRead(viewer, { ownerId: await id('rep3'), teamId: team2.id })).toBe(false);
    expect(canRead(viewer, { ownerId: await id('rep1'), teamId: team1.id })).toBe(true);
  });
});

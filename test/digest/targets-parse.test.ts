import { describe, expect, it } from 'vitest';
import { parseTargetArgs } from '../../core/digest/targets.ts';

describe('reading /target', () => {
  it('reads a rep with deals and revenue in Chinese', () => {
    expect(parseTargetArgs('张三 成交5单 回款3万')).toEqual({ who: '张三', values: { deals: 5, revenue: 30_000 } });
  });
  it('reads team per-day standards in both languages', () => {
    expect(parseTargetArgs('team dials 100/day')).toEqual({ who: 'team', values: { dials_per_day: 100 } });
    expect(parseTargetArgs('团队 拨打100个/天 接通60/天')).toEqual({ who: 'team', values: { dials_per_day: 100, connected_per_day: 60 } });
    expect(parseTargetArgs('Alice deals 5 revenue 30k connected 60 per day')).toEqual({ who: 'Alice', values: { deals: 5, revenue: 30_000, connected_per_day: 60 } });
  });
  it('takes the team when nobody is named, and refuses leftovers', () => {
    expect(parseTargetArgs('成交40单')).toEqual({ values: { deals: 40 } });
    expect(parseTargetArgs('张三 李四 成交5单')).toEqual({ error: '李四' });
    expect(parseTargetArgs('张三 5')).toEqual({ error: '5' });
  });
});

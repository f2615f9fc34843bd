/**
 * A batch of one team's logs teaches the extractor the team's product names: a name found in one
 * log and written in another is known in all (core/extract/vocabulary.ts), as `parse --jsonl`
 * and `eval-calls` read their input.
 */
import { describe, expect, it } from 'vitest';
import { extractActivity } from '../../core/extract/extract.ts';
import { sharedProductNames } from '../../core/extract/vocabulary.ts';
import { runInProcess } from '../support/process.ts';

const LOGS = [
  '周姐对家电全保挺感兴趣，B类，周五再打', // a cue: 对X感兴趣
  '吴先生 家电全保意向还行，下周一回访', // no cue of its own
  '签了后厨全套三年延保，8800元', // a one-off mis-cut would be 后厨全套三年延保
  '潘阿姨对三年延保有兴趣，明天再说',
];

describe('product names shared by a batch', () => {
  it('keeps names written in two logs or more, not one-off readings', () => {
    const names = sharedProductNames(LOGS);
    expect(names).toEqual(expect.arrayContaining(['家电全保', '三年延保']));
    expect(names).not.toContain('后厨全套三年延保');
  });

  it('finds a known name where no cue says it is a product, and prefers it to a longer mis-cut', () => {
    const known = sharedProductNames(LOGS);
    const opts = { now: new Date('2027-10-12T10:00:00+08:00'), timeZone: 'Asia/Shanghai', knownProducts: known };
    expect(extractActivity(LOGS[1]!, opts).products).toEqual(['家电全保']);
    expect(extractActivity(LOGS[2]!, opts).products).toEqual(['三年延保']);
  });

  it('keeps a model written after a known name, not a grade or a price', () => {
    const opts = { now: new Date('2027-10-12T10:00:00+08:00'), timeZone: 'Asia/Shanghai', knownProducts: ['屋顶光伏', '全屋年保'] };
    expect(extractActivity('当场签了屋顶光伏30kW', opts).products).toEqual(['屋顶光伏30kW']);
    expect(extractActivity('罗姐全屋年保A类意向', opts).products).toEqual(['全屋年保']);
    expect(extractActivity('全屋年保1.2w', opts).products).toEqual(['全屋年保']);
  });

  it('is what `salesbot parse --jsonl` uses', async () => {
    const input = LOGS.map((text) => JSON.stringify({ text, now: '2027-10-12T10:00:00+08:00', tz: 'Asia/Shanghai' })).join('\n');
    const { code, stdout } = await runInProcess(['parse', '--jsonl'], input);
    expect(code).toBe(0);
    const products = stdout.trim().split('\n').map((l) => (JSON.parse(l) as { products: string[] }).products);
    expect(products[1]).toEqual(['家电全保']);
    expect(products[2]).toEqual(['三年延保']);
  });
});

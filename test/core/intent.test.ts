import { describe, expect, it } from 'vitest';
import { classify } from '../../core/intent.ts';
import { detectLang } from '../../core/i18n.ts';

describe('intent classification', () => {
  it.each([
    ['/help', 'command'],
    ['／team add 李四', 'command'],
    ['刚给华通物流的张总打了电话,聊了8分钟,有兴趣,下周二下午再打', 'call_log'],
    ['王先生13912345678没人接,明天上午再试一次', 'call_log'],
    ['赵先生 13651234870 空号', 'call_log'],
    ['Spoke to Mrs Patel for 12 min, she signed up', 'call_log'],
    ['Left a voicemail for Tom, call him back Friday', 'call_log'],
    ['客户说要回去跟老婆商量怎么回', 'question'],
    ['四星卡和五星卡差在哪', 'question'],
    ['客户怀疑我是骗子', 'question'],
    ['谢谢', 'other'],
    ['hello!', 'other'],
    ['how do I ask for a referral without sounding pushy', 'question'],
    ['哈哈', 'other'],
  ])('%s → %s', (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  it('flags a message that reads both ways as unsure', () => {
    const c = classify('张总打了电话说太贵，怎么回？');
    expect(c.unsure).toBe(true);
  });
});

describe('language detection', () => {
  it.each([
    ['刚给张总打了电话', 'zh'],
    ['Spoke to Mrs Patel today', 'en'],
    ['给 Tom 打了电话', 'zh'],
    ['好', 'zh'],
    ['13812345678', null],
    ['ok', null],
    ['😀😀', null],
  ])('%s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

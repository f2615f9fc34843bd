import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';
import { maskPhone, maskPhonesIn } from '../../core/phone.ts';

describe('phone masking', () => {
  it('masks mobiles, landlines and international numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('861****5678');
    expect(maskPhone('021-62345678')).toBe('021****5678');
    expect(maskPhone('6234-5678')).toBe('62****5678');
    expect(maskPhone('123')).toBe('123');
  });

  it('masks every number inside text and leaves other numbers alone', () => {
    expect(maskPhonesIn('王先生13912345678没人接，聊了8分钟，报价3680')).toBe('王先生139****5678没人接，聊了8分钟，报价3680');
    expect(maskPhonesIn('call +44 7700 900123 at 3pm')).toBe('call 447****0123 at 3pm');
    expect(maskPhonesIn('already 138****5678')).toBe('already 138****5678');
  });

  it('masks phone numbers in log messages and fields', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info({ text: '张总 13812345678', nested: { phone: '13987654321' } }, 'logged 13700001111');
    const entry = JSON.parse(lines.join(''));
    expect(entry.text).toBe('张总 138****5678');
    expect(entry.nested.phone).toBe('139****4321');
    expect(entry.msg).toBe('logged 137****1111');
  });
});

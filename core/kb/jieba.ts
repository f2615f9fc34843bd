import { createRequire } from 'node:module';
import type { Jieba as JiebaType } from '@node-rs/jieba';

// @node-rs/jieba is CommonJS with a native addon; createRequire loads it the same way under tsx,
// vitest and plain node. One instance per process: loading the dictionary takes ~250 ms.
const require = createRequire(import.meta.url);
let instance: JiebaType | null = null;

export function jieba(): JiebaType {
  if (!instance) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    instance = Jieba.withDict(dict);
  }
  return instance;
}

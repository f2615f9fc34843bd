import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('.env.example', () => {
  it('documents every variable the configuration reads', () => {
    const documented = new Set([...readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const source = readFileSync(new URL('../../bot/config.ts', import.meta.url), 'utf8');
    const read = [...source.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):\s*z\./gm)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(10);
    expect(read.filter((v) => !documented.has(v))).toEqual([]);
  });
});

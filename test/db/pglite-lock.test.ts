import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from '../../db/pglite-lock.ts';
import { childEnv, migratedDataDir, run, start, waitForOutput } from '../support/process.ts';

describe('PGlite data folder lock', () => {
  it('makes a second process fail fast with advice while the first one runs', async () => {
    const dataDir = migratedDataDir();
    const env = childEnv({ DATA_DIR: dataDir });
    const first = start(['chat', '--user', 'alice'], env);
    const firstExit = new Promise<number | null>((resolve) => first.on('close', resolve));
    first.stdin.write('/me\n');
    await waitForOutput(first, 'alice');

    const second = await run(['chat'], env, '/me\n');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`already in use by another salesbot process (pid ${first.pid})`);
    expect(second.stderr).toContain('DATABASE_URL');
    expect(second.stdout).toBe('');

    first.stdin.end();
    expect(await firstExit).toBe(0);
    expect(existsSync(join(dataDir, 'salesbot.pid'))).toBe(false);

    // Once the first has gone, the folder opens again with its data.
    const third = await run(['chat', '--user', 'alice'], env, '/me\n');
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('管理员');
  });

  it('takes over a lock left by a process that died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesbot-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'salesbot.pid'), dead);
    const release = lockDataDir(dir);
    release();
    expect(existsSync(join(dir, 'salesbot.pid'))).toBe(false);
  });

  it('refuses a second open of the same folder in the same process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesbot-lock-'));
    const release = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
    } finally {
      release();
    }
    lockDataDir(dir)();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DataDirInUseError, openDatabase } from './db.ts';
import { ConfigError, readConfig } from './config.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pgs-lock-test-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded PGlite data dir', () => {
  it('refuses a second opener of one data dir with a Chinese message, and reopens after close with the data kept', async () => {
    const first = await openDatabase({ url: null, dataDir: dir });
    await first.db.execute(
      sql`INSERT INTO platforms (key, name, short_name, leading_industries, supporting_services, sort_order) VALUES ('x', 'x', 'x', '[]', '[]', 9)`,
    );
    const second = openDatabase({ url: null, dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow('正被另一个 PGS 进程使用');
    await first.close();
    const again = await openDatabase({ url: null, dataDir: dir });
    const rows = await again.db.execute(sql`SELECT key FROM platforms`);
    expect((rows as { rows: unknown[] }).rows).toEqual([{ key: 'x' }]);
    await again.close();
  });
});

describe('configuration', () => {
  it('defaults to PGlite in ./data on 127.0.0.1:3000', () => {
    expect(readConfig({})).toMatchObject({
      databaseUrl: null,
      dataDir: './data',
      host: '127.0.0.1',
      port: 3000,
      demo: false,
    });
  });

  it('refuses to start with a PGS_ADMIN_PASSWORD that breaks the password policy (D18)', () => {
    expect(() => readConfig({ PGS_ADMIN_PASSWORD: 'short' })).toThrow(ConfigError);
    expect(() => readConfig({ PGS_ADMIN_PASSWORD: 'short' })).toThrow('至少需要 10 个字符');
    expect(readConfig({ PGS_ADMIN_PASSWORD: 'Long-Enough-1' }).adminPassword).toBe('Long-Enough-1');
  });

  it('refuses a port that is not a port', () => {
    expect(() => readConfig({ PORT: 'abc' })).toThrow(ConfigError);
  });
});

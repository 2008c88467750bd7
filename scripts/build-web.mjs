// Builds the web app when its build is missing or older than its sources, so `npm start` stays quick when warm.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'packages/web');
const built = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isStale() {
  const sources = Math.max(
    newestMtime(path.join(web, 'src')),
    newestMtime(path.join(root, 'packages/domain/src')),
    statSync(path.join(web, 'index.html')).mtimeMs,
    statSync(path.join(web, 'vite.config.ts')).mtimeMs,
  );
  return !existsSync(built) || statSync(built).mtimeMs < sources;
}

const vite = path.join(root, 'node_modules/.bin/vite');
const viteArgs = ['build', '--logLevel', 'warn'];

export function buildWebIfStale({ force = false } = {}) {
  if (!force && !isStale()) return;
  console.log('正在构建前端（vite build）…');
  const result = spawnSync(vite, viteArgs, { cwd: web, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * The same build in the background (`npm start`, issue #15): the server opens and seeds its database on the other
 * core meanwhile, and waits for this before it serves. Settles at once when the build is fresh; rejects with a
 * message for the user when vite fails.
 */
export function startWebBuildIfStale() {
  if (!isStale()) return Promise.resolve();
  console.log('正在构建前端（vite build，与数据库准备同时进行）…');
  return new Promise((resolve, reject) => {
    const child = spawn(vite, viteArgs, { cwd: web, stdio: 'inherit' });
    // The database's demo data take longer than the build, so the build gets the cores only when they are free: it
    // still ends well before the data are in (issue #15: the first start waits for the longer of the two).
    // Without a pid (vite could not be started) setPriority would lower this process's own.
    try {
      if (child.pid !== undefined) os.setPriority(child.pid, os.constants.priority.PRIORITY_LOW);
    } catch {
      // Not allowed here (or the build already ended): it then shares the cores as before.
    }
    // A start that stops (a signal, a failure) before the build ended must not leave vite running on its own.
    const stopChild = () => child.kill();
    process.once('exit', stopChild);
    child.on('exit', () => process.off('exit', stopChild));
    child.on('error', (error) => {
      reject(new Error(`前端构建无法运行：${error.message}`));
    });
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`前端构建失败（vite build 退出码 ${code ?? signal}）`));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildWebIfStale({ force: process.argv.includes('--force') });

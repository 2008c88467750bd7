// Prints what the browser downloads to show the login page (entry + LoginPage chunk and their static imports),
// raw and gzip, from the Vite manifest. Run after `vite build`: node scripts/bundle-size.mjs
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const files = new Set();

function visit(key) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const child of chunk.imports ?? []) visit(child);
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const login = Object.keys(manifest).find((key) => key.endsWith('LoginPage.tsx'));
visit(entry);
visit(login);

let raw = 0;
let gzip = 0;
for (const file of files) {
  const content = readFileSync(join(dist, file));
  raw += content.length;
  gzip += gzipSync(content, { level: 9 }).length;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(`login page loads ${files.size} files: ${kb(raw)} raw, ${kb(gzip)} gzip`);
for (const file of [...files].sort()) console.log(`  ${file}`);

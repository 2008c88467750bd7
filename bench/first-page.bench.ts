import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const DIST = fileURLToPath(new URL('../packages/web/dist/', import.meta.url));

type ManifestEntry = { file: string; imports?: string[]; css?: string[] };

/**
 * Issue #15: the JavaScript a browser loads for the login page and the first page after it (the layout and the
 * 工作台), from the built files: the entry's static imports, then each page's chunk and its static imports, as Vite's
 * manifest names them (packages/web/dist/.vite/manifest.json). Dynamic imports a page makes later (a chart, an
 * editor) are not counted: they load only when used. Sizes are of the files as served, gzipped at level 9.
 */
const FIRST_PAGES = ['src/auth/login/LoginPage.tsx', 'src/app/layout/AppLayout.tsx', 'src/home/HomePage.tsx'];
/** The card chunks each role's 工作台 shows (packages/web/src/home/home-cards.tsx). */
const CARDS = {
  project: 'src/home/cards/ProjectCards.tsx',
  enterprise: 'src/home/cards/EnterpriseCards.tsx',
  system: 'src/home/cards/SystemCards.tsx',
  review: 'src/users/AccountChangesReview.tsx',
  // The leader's 工作台 is the cockpit's tiles (issue #14); the tiles' drawer, the map and the charts load when used.
  cockpit: 'src/cockpit/CockpitHomeCard.tsx',
  dueParcels: 'src/land/DueParcelsCard.tsx',
};
export const ROLE_CARDS: Record<string, string[]> = {
  leader: [CARDS.cockpit, CARDS.project, CARDS.enterprise, CARDS.system],
  drc: [CARDS.system],
  bureau: [CARDS.project],
  eitc: [CARDS.enterprise, CARDS.dueParcels],
  platform: [CARDS.project, CARDS.enterprise, CARDS.dueParcels],
  auditor: [CARDS.system, CARDS.review],
  admin: [CARDS.system],
};

/** The heaviest role's figure, with every role's total. */
export function benchFirstPageJs() {
  const byRole = Object.entries(ROLE_CARDS).map(([role, cards]) => ({
    role,
    ...firstPageJs([...FIRST_PAGES, ...cards]),
  }));
  const heaviest = byRole.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  return {
    ...heaviest,
    lines: [
      `per role (gzip): ${byRole.map((r) => `${r.role} ${kb(r.gzipBytes)}`).join(', ')}`,
      `heaviest: ${heaviest.role}; its largest files:`,
      ...heaviest.lines,
    ],
  };
}

function firstPageJs(pages: string[]) {
  const manifestPath = path.join(DIST, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error('packages/web/dist is not built: run `npm run build` first');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestEntry>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const entry = manifest[key];
    if (!entry || files.has(entry.file)) return;
    files.add(entry.file);
    for (const imported of entry.imports ?? []) visit(imported);
  };
  visit('index.html');
  for (const page of pages) visit(page);
  const sized = [...files]
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(path.join(DIST, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  return {
    files: sized.length,
    rawBytes: sized.reduce((sum, f) => sum + f.raw, 0),
    gzipBytes: sized.reduce((sum, f) => sum + f.gzip, 0),
    lines: sized
      .slice(0, Number(process.env.BENCH_FILES ?? 8))
      .map((f) => `${f.file.padEnd(48)} ${kb(f.gzip).padStart(9)} gzip ${kb(f.raw).padStart(10)} raw`),
  };
}

// The review's numbers for one folder (issue #11): `node scripts/review-counts.mjs [folder] [--by-file]`, by default
// packages/server/src without its tests (*.test.ts, *.test-support.ts). Counted with the TypeScript parser, so an
// `as` or a `!` inside a string or a comment is not counted, nor `!=`:
// casts = `as` expressions other than `as const`; `!` = non-null assertions; long lines = over 120 characters (the
// Prettier width); big files = over 300 lines. `--by-file` lists the files holding the most casts and `!`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const byFile = args.includes('--by-file');
const root = args.find((arg) => !arg.startsWith('--')) ?? 'packages/server/src';

const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.test-support.ts'))
  .map((file) => path.join(root, file))
  .sort();

const totals = { files: files.length, casts: 0, nonNull: 0, longLines: 0, bigFiles: 0 };
const perFile = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  let casts = 0;
  let nonNull = 0;
  const visit = (node) => {
    if (ts.isAsExpression(node) && !(ts.isTypeReferenceNode(node.type) && node.type.getText(source) === 'const')) {
      casts += 1;
    }
    if (ts.isNonNullExpression(node)) nonNull += 1;
    ts.forEachChild(node, visit);
  };
  visit(source);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  totals.casts += casts;
  totals.nonNull += nonNull;
  totals.longLines += lines.filter((line) => line.length > 120).length;
  if (lines.length > 300) totals.bigFiles += 1;
  perFile.push({ file, casts, nonNull, lines: lines.length });
}

console.log(`${root} (non-test files)`);
console.log(
  `files ${totals.files}, as casts ${totals.casts}, ! ${totals.nonNull}, lines > 120 ${totals.longLines}, files > 300 lines ${totals.bigFiles}`,
);
if (byFile) {
  for (const { file, casts, nonNull, lines } of perFile
    .sort((a, b) => b.casts + b.nonNull - (a.casts + a.nonNull))
    .slice(0, 25)) {
    console.log(
      `${String(casts).padStart(4)} as ${String(nonNull).padStart(4)} !  ${String(lines).padStart(5)} lines  ${file}`,
    );
  }
}

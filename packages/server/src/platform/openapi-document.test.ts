import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { XLSX_MIME } from './http.ts';

/**
 * Issue #9: the OpenAPI document describes every .xlsx answer as a binary workbook and every 204 as an answer without
 * content, so a generated client types them. The 204 routes are found in the route sources (`reply.code(204)`), so a
 * new one that forgets its description fails here.
 */
type Operation = {
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: { type?: string; format?: string } }> }
  >;
};
let t: TestApp;
let paths: Record<string, Record<string, Operation>>;

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ url: '/api/docs/json', headers: { cookie: await t.login('drc') } });
  paths = response.json().paths;
});
afterAll(() => t?.close());

const srcRoot = fileURLToPath(new URL('..', import.meta.url));

/** `METHOD /api/v1/path` of every route whose handler answers 204, read from the *.routes.ts files. */
function noContentRoutesInSources(): string[] {
  const found: string[] = [];
  for (const dir of readdirSync(srcRoot, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(path.join(srcRoot, dir.name)).filter((name) => name.endsWith('.routes.ts'))) {
      const source = readFileSync(path.join(srcRoot, dir.name, file), 'utf8');
      const starts = [...source.matchAll(/app\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)];
      starts.forEach((match, index) => {
        const body = source.slice(match.index, starts[index + 1]?.index ?? source.length);
        if (/\.code\(204\)/.test(body))
          found.push(`${match[1]!.toUpperCase()} /api/v1${match[2]!.replace(/:(\w+)/g, '{$1}')}`);
      });
    }
  }
  return found.sort();
}

describe('issue #9: the OpenAPI document types every answer', () => {
  it('every .xlsx route answers a binary workbook', () => {
    const xlsx = Object.entries(paths).filter(([url]) => url.endsWith('.xlsx'));
    expect(xlsx.length).toBeGreaterThanOrEqual(8);
    for (const [url, operations] of xlsx) {
      for (const [method, operation] of Object.entries(operations)) {
        const ok = operation.responses['200'];
        expect(ok?.content?.[XLSX_MIME]?.schema, `${method} ${url}`).toEqual({ type: 'string', format: 'binary' });
        expect(Object.keys(ok?.content ?? {}), `${method} ${url}`).toEqual([XLSX_MIME]);
      }
    }
  });

  it('every route that answers 204 documents a 204 without content', () => {
    const fromSources = noContentRoutesInSources();
    expect(fromSources.length).toBeGreaterThanOrEqual(5);
    const documented = Object.entries(paths)
      .flatMap(([url, operations]) =>
        Object.entries(operations)
          .filter(([, op]) => op.responses['204'])
          .map(([method]) => `${method.toUpperCase()} ${url}`),
      )
      .sort();
    expect(documented).toEqual(fromSources);
    for (const route of documented) {
      const [method, url] = route.split(' ') as [string, string];
      const noContent = paths[url]![method.toLowerCase()]!.responses['204']!;
      expect(noContent.content, route).toBeUndefined();
      expect(noContent.description).toBe('已完成，无返回内容');
    }
  });

  it('path ids are documented as plain decimal strings', () => {
    const op = paths['/api/v1/projects/{id}']!.get as unknown as {
      parameters: Array<{ name: string; schema: { pattern?: string } }>;
    };
    expect(op.parameters.find((p) => p.name === 'id')?.schema.pattern).toBe('^[1-9][0-9]{0,15}$');
  });
});

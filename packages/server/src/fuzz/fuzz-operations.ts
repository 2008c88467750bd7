import type { Random } from './fuzz-values.ts';
import { ODD_IDS, ODD_STRINGS, hugeString, wrongType, deeplyNested, PROTOTYPE_BODIES } from './fuzz-values.ts';

/** One operation of the OpenAPI document, as the fuzz suite needs it. */
export type Operation = {
  method: string;
  /** OpenAPI path, e.g. `/api/v1/projects/{id}`. */
  path: string;
  /** Fastify route url, e.g. `/api/v1/projects/:id` (to find the route's time limit). */
  route: string;
  pathParams: Array<{ name: string; schema: JsonSchema }>;
  query: Array<{ name: string; schema: JsonSchema; required: boolean }>;
  body: JsonSchema | null;
  bodyTypes: string[];
};

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  additionalProperties?: JsonSchema | boolean;
  nullable?: boolean;
};

export type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
};

/** Every operation of the document (the API's own routes; the documentation's routes are hidden). */
export function operationsOf(document: OpenApi): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: content['application/json']?.schema ?? null,
        bodyTypes: Object.keys(content),
      });
    }
  }
  return operations;
}

const typeOf = (schema: JsonSchema | undefined): string | undefined => {
  if (!schema) return undefined;
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type ?? typeOf(schema.anyOf?.[0] ?? schema.oneOf?.[0]);
};

/** A plausible value for a schema: the baseline that mutations start from (so the request gets past the first check). */
export function sampleOf(schema: JsonSchema | undefined, random: Random, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.enum?.length) return random.pick(schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return sampleOf(random.pick(variants), random, depth + 1);
  switch (typeOf(schema)) {
    case 'string':
      return schema.pattern === '^[1-9][0-9]{0,15}$'
        ? String(1 + random.int(5))
        : random.pick(['测试', '3612', '2026-12-01', 'a1', '91330300MA2HXXXX0X']);
    case 'integer':
    case 'number':
      return random.pick([1, 2, 2025, 60000, 100]);
    case 'boolean':
      return random.chance(0.5);
    case 'array':
      return [sampleOf(schema.items, random, depth + 1)];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {}))
        if (schema.required?.includes(key) || random.chance(0.5)) out[key] = sampleOf(value, random, depth + 1);
      return out;
    }
    default:
      return null;
  }
}

/** The kinds of malformed request, each a separate case so the figures say what was tried. */
export const MUTATIONS = [
  'baseline',
  'wrongType',
  'null',
  'huge',
  'oddString',
  'deep',
  'prototype',
  'oddId',
  'oddQuery',
  'contentType',
  'compressed',
  'crossSite',
  'oversize',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export type FuzzRequest = {
  mutation: Mutation;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
};

function setRandomField(value: unknown, random: Random, make: (current: unknown) => unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const target = keys.length > 0 && random.chance(0.8) ? random.pick(keys) : random.pick(['extra', 'name', 'id']);
    const current = (value as Record<string, unknown>)[target];
    const nested = current && typeof current === 'object' && random.chance(0.4);
    return { ...value, [target]: nested ? setRandomField(current, random, make) : make(current) };
  }
  if (Array.isArray(value) && value.length > 0) {
    const items: unknown[] = value;
    return [setRandomField(items[0], random, make), ...items.slice(1)];
  }
  return make(value);
}

const queryString = (entries: Array<[string, string]>) =>
  entries.length ? `?${entries.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
/** Percent-encoding that also carries a lone surrogate, as the bytes a sloppy client would send for it (ED A0 80). */
export function pctEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Array.from(text)
      .map((ch) => (/\p{Cs}/u.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch)))
      .join('');
  }
}
const enc = (value: unknown) => pctEncode(typeof value === 'string' ? value : JSON.stringify(value));

/** One malformed request for an operation. */
export function buildRequest(operation: Operation, mutation: Mutation, random: Random): FuzzRequest {
  const params = Object.fromEntries(operation.pathParams.map((p) => [p.name, String(sampleOf(p.schema, random))]));
  if (mutation === 'oddId' && operation.pathParams.length > 0)
    params[random.pick(operation.pathParams).name] = random.pick(ODD_IDS);
  const url = operation.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    mutation === 'oddId' ? params[name]! : pctEncode(params[name]!),
  );

  const query: Array<[string, string]> = operation.query
    .filter((q) => q.required || random.chance(0.5))
    .map((q) => [q.name, enc(sampleOf(q.schema, random))]);
  if (mutation === 'oddQuery' && operation.query.length > 0) {
    const name = random.pick(operation.query).name;
    query.push([
      name,
      random.pick([
        enc(random.pick(ODD_STRINGS)),
        '%ED%A0%80',
        '%00',
        enc(hugeString(random).slice(0, 5000)),
        '-1',
        '1e999',
        '0x10',
      ]),
    ]);
    if (random.chance(0.3)) query.push([name, 'again']);
  }
  const headers: Record<string, string> = {};
  let body: string | Buffer | undefined;
  const hasBody = operation.body !== null || operation.bodyTypes.length > 0;
  if (hasBody) {
    let value = sampleOf(operation.body ?? undefined, random);
    if (mutation === 'wrongType')
      value = setRandomField(value, random, (current) =>
        wrongType(random, typeof current === 'number' ? 'number' : typeof current),
      );
    if (mutation === 'null') value = random.chance(0.3) ? null : setRandomField(value, random, () => null);
    if (mutation === 'huge') value = setRandomField(value, random, () => hugeString(random));
    if (mutation === 'oddString') value = setRandomField(value, random, () => random.pick(ODD_STRINGS));
    headers['content-type'] = 'application/json';
    body = JSON.stringify(value);
    if (mutation === 'deep') body = deeplyNested(random);
    if (mutation === 'prototype') body = random.pick(PROTOTYPE_BODIES);
    if (mutation === 'oversize') body = JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) });
    if (mutation === 'contentType') {
      const choice = random.pick([
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=zz',
        'application/x-www-form-urlencoded',
        'text/csv',
        'application/json; charset=latin1',
        '',
      ]);
      if (choice) headers['content-type'] = choice;
      else delete headers['content-type'];
      if (choice.startsWith('multipart'))
        body =
          '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004garbage\r\n--zz--\r\n';
    }
  }
  if (mutation === 'compressed') {
    headers['content-type'] = operation.bodyTypes.includes('multipart/form-data')
      ? 'multipart/form-data; boundary=zz'
      : 'application/json';
    headers['content-encoding'] = random.pick(['gzip', 'deflate', 'br']);
    body = Buffer.from([
      0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x02, 0x00, 0xfd, 0xff, 0x7b, 0x7d,
    ]);
  }
  if (mutation === 'crossSite') {
    if (random.chance(0.5)) headers.origin = 'https://evil.example';
    else headers['sec-fetch-site'] = 'cross-site';
  }
  return { mutation, method: operation.method, url: url + queryString(query), headers, body };
}

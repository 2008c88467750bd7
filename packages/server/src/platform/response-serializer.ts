import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type Route = Parameters<typeof zodSerializerCompiler>[0];

/**
 * JSON Schema keywords whose meaning fast-json-stringify keeps as zod does when writing an answer. A schema with any
 * other keyword (a default, a reference, a record's key rule, a tuple, an intersection…) is written by zod.
 */
const WRITTEN_ALIKE = new Set([
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'nullable',
  'description',
  'title',
  'examples',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'pattern',
]);

/** Whether every keyword of the schema, at every depth, is one fast-json-stringify writes as zod does. */
function writtenAlike(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(writtenAlike);
  if (typeof schema !== 'object' || schema === null) return true;
  return Object.entries(schema as Record<string, unknown>).every(([keyword, value]) => {
    if (!WRITTEN_ALIKE.has(keyword)) return false;
    // `additionalProperties: false` closes an object; a schema there would write keys zod strips or checks.
    if (keyword === 'additionalProperties') return value === false;
    if (keyword === 'properties')
      return typeof value === 'object' && value !== null && Object.values(value).every(writtenAlike);
    if (keyword === 'enum' || keyword === 'const' || keyword === 'examples' || keyword === 'required') return true;
    return writtenAlike(value);
  });
}

/** The answer's JSON Schema when fast-json-stringify can write it, else null (then zod writes it). */
export function plainJsonSchema(route: Route): object | null {
  const schema = route.schema instanceof z.ZodType ? route.schema : null;
  if (!schema) return null;
  let json: object;
  try {
    json = z.toJSONSchema(schema, { io: 'output', target: 'draft-07', unrepresentable: 'throw' });
  } catch {
    return null; // dates, transforms and other shapes JSON Schema cannot say
  }
  return writtenAlike(json) ? json : null;
}

/**
 * Issue #15: answers are written from their schema by fast-json-stringify (Fastify's own way), compiled once per
 * route, instead of zod checking every answer and `JSON.stringify` writing it (a few per cent of each request, more
 * for a page of 50 rows). Only the schema's properties are written, as zod's stripping did. A schema
 * fast-json-stringify cannot write as zod does stays with zod, and so does any answer it refuses (a required field
 * missing): zod then reports the mismatch as before.
 */
export const serializerCompiler: typeof zodSerializerCompiler = (route) => {
  const byZod = zodSerializerCompiler(route);
  // Compiled at a route's first answer, not at start-up: most of the ~300 routes answer rarely, and compiling them
  // all took about a second of every start.
  let write: ((data: unknown) => string) | null = null;
  return (data) => {
    if (!write) {
      const json = plainJsonSchema(route);
      write = json ? fastJson(json) : byZod;
    }
    try {
      return write(data);
    } catch {
      return byZod(data);
    }
  };
};

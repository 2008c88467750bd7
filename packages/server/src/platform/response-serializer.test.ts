import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isResponseSerializationError, serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { plainJsonSchema, serializerCompiler } from './response-serializer.ts';

const route = (schema: z.ZodType) => ({ schema, method: 'GET', url: '/x', httpStatus: '200' });
const page = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string().max(100),
      note: z.string().nullable(),
      area: z.string().optional(),
      state: z.enum(['approved', 'supplied']),
      kind: z.literal('idle'),
      public: z.boolean(),
      tags: z.array(z.string()),
      holder: z.object({ name: z.string(), creditCode: z.string().nullable() }).nullable(),
    }),
  ),
  total: z.number(),
});

describe('answers written from their schema (issue #15)', () => {
  it('writes what zod wrote: same fields, nulls, optional fields left out, extra keys stripped, text escaped', () => {
    const data = {
      items: [
        {
          id: 7,
          name: '温州"瓯江口"\n地块\\一号 \u2028',
          note: null,
          state: 'approved',
          kind: 'idle',
          public: false,
          tags: ['甲', '<b>'],
          holder: { name: '温州某公司', creditCode: null, secret: 'x' },
          passwordHash: 'never written',
        },
        {
          id: 8,
          name: '',
          note: '备注',
          area: '12.3400',
          state: 'supplied',
          kind: 'idle',
          public: true,
          tags: [],
          holder: null,
        },
      ],
      total: 2,
      extra: { a: 1 },
    };
    expect(plainJsonSchema(route(page))).not.toBeNull();
    const written = serializerCompiler(route(page))(data);
    expect(written).toBe(zodSerializerCompiler(route(page))(data));
    expect(JSON.parse(written)).not.toHaveProperty('extra');
    expect(written).not.toContain('never written');
    expect(written).not.toContain('secret');
  });

  it('leaves to zod what JSON Schema cannot say the same way (dates, transforms, records, defaults)', () => {
    for (const schema of [
      z.object({ at: z.date() }),
      z.object({ n: z.string().transform((s) => s.length) }),
      z.object({ byLevel: z.record(z.string(), z.number()) }),
      z.object({ page: z.number().default(1) }),
      z.object({ rest: z.looseObject({ a: z.string() }) }),
    ])
      expect(plainJsonSchema(route(schema))).toBeNull();
    const at = new Date('2025-01-02T03:04:05Z');
    const schema = z.object({ at: z.date() });
    expect(serializerCompiler(route(schema))({ at })).toBe(zodSerializerCompiler(route(schema))({ at }));
  });

  it('an answer missing a required field is still refused with zod’s report', () => {
    let error: unknown;
    try {
      serializerCompiler(route(page))({ items: [{ id: 1 }] });
    } catch (thrown) {
      error = thrown;
    }
    expect(isResponseSerializationError(error)).toBe(true);
  });
});

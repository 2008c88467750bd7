import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from './http.ts';

/**
 * Issue #9: the OpenAPI document describes every answer a generated client must type — a 204 has no body, an .xlsx
 * export is a binary workbook (not JSON).
 */
// `type: 'null'` is how @fastify/swagger writes a response without content; typed as void so handlers `send()`.
export const noContentResponse = { 204: z.null().describe('已完成，无返回内容') as unknown as z.ZodVoid };

export const xlsxResponse = {
  200: {
    description: 'Excel 工作簿（.xlsx）',
    content: { [XLSX_MIME]: { schema: z.string().meta({ format: 'binary' }) } },
  },
};

/** Every `….xlsx` route is described as a workbook download unless it says otherwise (must run before the routes). */
export function installXlsxResponses(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.url.endsWith('.xlsx') || !route.schema || route.schema.response) return;
    route.schema = { ...route.schema, produces: [XLSX_MIME], response: xlsxResponse };
  });
}

/**
 * The zod transform writes `z.null()` in OpenAPI 3.0's form (`nullable: true`), which @fastify/swagger would publish as a
 * JSON body; a 204 is put back to `type: 'null'`, which it publishes as a response without content.
 */
export const openApiTransform: typeof jsonSchemaTransform = (input) => {
  const output = jsonSchemaTransform(input);
  const response = (output.schema as { response?: Record<string, { description?: string }> }).response;
  if (response?.['204']) response['204'] = { type: 'null', description: response['204'].description } as never;
  return output;
};

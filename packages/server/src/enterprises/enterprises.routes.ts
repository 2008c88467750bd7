import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../platform/context.ts';

const tags = ['enterprises'];

/** §三 base database (R3.1): yearly enterprise records, their import and the sub-database lists. */
export const enterpriseRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  void ctx;
  void app;
  void tags;
};

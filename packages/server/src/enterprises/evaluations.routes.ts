import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../platform/context.ts';

const tags = ['evaluations'];

/** §三 yearly ABCD evaluation (R3.2), measures (R3.3) and rectification (R3.4). */
export const evaluationRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  void ctx;
  void app;
  void tags;
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '@fastify/rate-limit';
import {
  completeParcelSchema,
  delayParcelSchema,
  parcelDetailSchema,
  parcelIdParamsSchema,
  progressParcelSchema,
  publishParcelSchema,
  recoverParcelSchema,
  reuseParcelSchema,
  startParcelSchema,
  supplyParcelSchema,
  vacateParcelSchema,
  type ParcelDetail,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf } from '../platform/http.ts';
import {
  addDelay,
  completeParcel,
  publishParcel,
  recoverParcel,
  reportProgress,
  reuseParcel,
  startParcel,
  supplyParcel,
  vacateParcel,
} from './parcels.service.ts';

const tags = ['land'];

/** The parcel's moves (供地 … 公开): one POST each, answering the parcel as GET /parcels/:id does (stale version → 409). */
export const parcelMoveRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const change = <S extends z.ZodType>(
      path: string,
      summary: string,
      body: S,
      run: (id: number, input: z.infer<S>, request: Parameters<typeof actorOf>[0]) => Promise<ParcelDetail>,
    ) =>
      app.post(
        `/parcels/:id/${path}`,
        {
          schema: {
            tags,
            summary: `${summary}（version 过期返回 409）`,
            params: parcelIdParamsSchema,
            body,
            response: { 200: parcelDetailSchema },
          },
        },
        async (request) => run(request.params.id, request.body as z.infer<S>, request),
      );

    change('supply', '供地', supplyParcelSchema, (id, input, r) =>
      supplyParcel(ctx.db, actorOf(r), id, input, ctx.clock()),
    );
    change('start', '开工', startParcelSchema, (id, input, r) =>
      startParcel(ctx.db, actorOf(r), id, input, ctx.clock()),
    );
    change('progress', '报告建设进度（已开发面积、已投资额、停工）', progressParcelSchema, (id, input, r) =>
      reportProgress(ctx.db, actorOf(r), id, input, ctx.clock()),
    );
    change('complete', '竣工', completeParcelSchema, (id, input, r) =>
      completeParcel(ctx.db, actorOf(r), id, input, ctx.clock()),
    );
    change('delays', '登记政府原因或不可抗力延期（每宗一次，最长一年）', delayParcelSchema, (id, input, r) =>
      addDelay(ctx.db, actorOf(r), id, input, ctx.clock()),
    );
    change('vacate', '腾空', vacateParcelSchema, (id, input, r) =>
      vacateParcel(ctx.db, actorOf(r), id, input, ctx.clock()),
    );
    change('reuse', '腾空地块再利用', reuseParcelSchema, (id, input, r) =>
      reuseParcel(ctx.db, actorOf(r), id, input, ctx.clock()),
    );
    change('recover', '收回闲置地块', recoverParcelSchema, (id, input, r) =>
      recoverParcel(ctx.db, actorOf(r), id, input, ctx.clock()),
    );
    change('publish', '向投资者公开或撤回', publishParcelSchema, (id, input, r) =>
      publishParcel(ctx.db, actorOf(r), id, input, ctx.clock()),
    );
  };

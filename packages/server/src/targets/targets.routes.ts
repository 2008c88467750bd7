import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  carryForwardResultSchema,
  carryForwardSchema,
  chinaMapQuerySchema,
  chinaMapSchema,
  closeQuarterSchema,
  createTargetSchema,
  divisionsSchema,
  FOCUS_CITIES,
  funnelQuerySchema,
  funnelSchema,
  linkProjectSchema,
  PROVINCES,
  quarterDiffSchema,
  quarterQuerySchema,
  quartersQuerySchema,
  quarterStateSchema,
  targetDetailSchema,
  targetFilterSchema,
  targetIdParamsSchema,
  targetListQuerySchema,
  targetListSchema,
  updateTargetSchema,
  wenzhouMapSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, primed, sendFile } from '../platform/http.ts';
import { datedXlsxName } from '../platform/xlsx-format.ts';
import { requirePermission } from '../platform/actor.ts';
import { getTarget, listTargets, targetExportRows } from './targets-ledger.service.ts';
import { createTarget, updateTarget } from './target-writes.service.ts';
import { linkTargetProject } from './target-project-link.service.ts';
import { carryForward, closeQuarter, listQuarters, quarterDiffOf } from './target-quarters.service.ts';
import { chinaMap, targetFunnel, wenzhouMap } from './target-funnel.service.ts';
import { funnelWorkbook, streamTargetWorkbook } from './targets-xlsx.ts';

const tags = ['targets'];

/** §二(四)–(五) (R2.7–R2.8): the target library per platform and quarter, the funnel and the maps (channels: target-channels.routes.ts). */
export const targetRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/targets',
      {
        schema: {
          tags,
          summary: '新增目标企业（拟招引目标企业库）',
          body: createTargetSchema,
          response: { 201: targetDetailSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return createTarget(ctx.db, actorOf(request), request.body, ctx.clock());
      },
    );

    app.get(
      '/targets',
      {
        schema: {
          tags,
          summary: '目标企业库（按平台、季度、档次、类型、状态筛选）',
          querystring: targetListQuerySchema,
          response: { 200: targetListSchema },
        },
      },
      async (request) => listTargets(ctx.db, actorOf(request), request.query),
    );

    app.get(
      '/targets/export.xlsx',
      { schema: { tags, summary: '导出目标企业库（Excel，筛选条件同列表）', querystring: targetFilterSchema } },
      async (request, reply) => {
        const rows = await primed(targetExportRows(ctx.db, actorOf(request), request.query));
        const quarter = request.query.quarter ?? '全部季度';
        return sendFile(reply, {
          buffer: streamTargetWorkbook(rows),
          fileName: datedXlsxName(`拟招引目标企业库-${quarter}`, ctx.clock()),
        });
      },
    );

    app.get(
      '/targets/divisions',
      { schema: { tags, summary: '行政区划（省、地级市）与北上广深杭重点区域', response: { 200: divisionsSchema } } },
      async (request) => {
        requirePermission(actorOf(request), 'targets.read');
        return { focusCities: [...FOCUS_CITIES], provinces: PROVINCES.map((p) => ({ ...p, cities: [...p.cities] })) };
      },
    );

    app.get(
      '/targets/quarters',
      {
        schema: {
          tags,
          summary: '目标企业库的季度（条数、是否结转、是否关闭）',
          querystring: quartersQuerySchema,
          response: { 200: z.array(quarterStateSchema) },
        },
      },
      async (request) => listQuarters(ctx.db, actorOf(request), request.query.platformKey),
    );

    app.get(
      '/targets/diff',
      {
        schema: {
          tags,
          summary: '本季度与上季度相比的变化（新增、移出及原因、状态或档次变化）',
          querystring: quarterQuerySchema,
          response: { 200: quarterDiffSchema },
        },
      },
      async (request) => quarterDiffOf(ctx.db, actorOf(request), request.query.platformKey, request.query.quarter),
    );

    app.post(
      '/targets/carry-forward',
      {
        schema: {
          tags,
          summary: '从上季度结转目标企业库（未结束的企业全部结转，可注明不结转的企业及原因）',
          body: carryForwardSchema,
          response: { 201: carryForwardResultSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return carryForward(ctx.db, actorOf(request), request.body, ctx.clock());
      },
    );

    app.post(
      '/targets/close',
      {
        schema: {
          tags,
          summary: '关闭季度（关闭后只读）',
          body: closeQuarterSchema,
          response: { 200: quarterStateSchema },
        },
      },
      async (request) => closeQuarter(ctx.db, actorOf(request), request.body, ctx.clock()),
    );

    app.get(
      '/targets/funnel',
      {
        schema: {
          tags,
          summary: '招商漏斗：目标→接触→报项目→落地（按平台、季度、档次、类型、渠道）',
          querystring: funnelQuerySchema,
          response: { 200: funnelSchema },
        },
      },
      async (request) => targetFunnel(ctx.db, actorOf(request), request.query),
    );

    app.get(
      '/targets/funnel/export.xlsx',
      { schema: { tags, summary: '导出招商漏斗（Excel）', querystring: funnelQuerySchema } },
      async (request, reply) => {
        const funnel = await targetFunnel(ctx.db, actorOf(request), request.query);
        return sendFile(reply, {
          buffer: funnelWorkbook(funnel),
          fileName: datedXlsxName('招商漏斗', ctx.clock()),
        });
      },
    );

    app.get(
      '/targets/map/china',
      {
        schema: {
          tags,
          summary: '招商地图（全国）：目标企业按省市的数量与档次',
          querystring: chinaMapQuerySchema,
          response: { 200: chinaMapSchema },
        },
      },
      async (request) => chinaMap(ctx.db, actorOf(request), request.query),
    );

    app.get(
      '/targets/map/wenzhou',
      { schema: { tags, summary: '招商地图（温州）：三个平台、项目阶段与地块', response: { 200: wenzhouMapSchema } } },
      async (request) => wenzhouMap(ctx.db, actorOf(request), ctx.clock()),
    );

    app.get(
      '/targets/:id',
      {
        schema: {
          tags,
          summary: '目标企业（含各季度、历史与关联项目）',
          params: targetIdParamsSchema,
          response: { 200: targetDetailSchema },
        },
      },
      async (request) => getTarget(ctx.db, actorOf(request), request.params.id, ctx.clock()),
    );

    app.put(
      '/targets/:id',
      {
        schema: {
          tags,
          summary: '修改目标企业（带版本号，过期返回 409）',
          params: targetIdParamsSchema,
          body: updateTargetSchema,
          response: { 200: targetDetailSchema },
        },
      },
      async (request) => updateTarget(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );

    app.post(
      '/targets/:id/project',
      {
        schema: {
          tags,
          summary: '关联（或取消关联）目标企业与招商项目',
          params: targetIdParamsSchema,
          body: linkProjectSchema,
          response: { 200: targetDetailSchema },
        },
      },
      async (request) => linkTargetProject(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );
  };

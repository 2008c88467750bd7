import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  channelContractSchema,
  channelFilterSchema,
  channelIdParamsSchema,
  channelListSchema,
  channelSchema,
  createChannelSchema,
  updateChannelSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, sendFile } from '../platform/http.ts';
import { datedXlsxName } from '../platform/xlsx-format.ts';
import { addChannelContract, createChannel, listChannels, updateChannel } from './channels.service.ts';
import { channelsWorkbook } from './targets-xlsx.ts';

const tags = ['targets'];

/** §二(四) R2.7: the investment channels (中介、商会 …) and the contracts signed through them. */
export const targetChannelRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/target-channels',
      {
        schema: {
          tags,
          summary: '招商渠道（委托招商与以商招商）及其带来的企业',
          querystring: channelFilterSchema,
          response: { 200: channelListSchema },
        },
      },
      async (request) => listChannels(ctx.db, actorOf(request), request.query),
    );

    app.get(
      '/target-channels/export.xlsx',
      { schema: { tags, summary: '导出招商渠道（Excel）', querystring: channelFilterSchema } },
      async (request, reply) => {
        const { items } = await listChannels(ctx.db, actorOf(request), request.query);
        return sendFile(reply, {
          buffer: channelsWorkbook(items),
          fileName: datedXlsxName('招商渠道', ctx.clock()),
        });
      },
    );

    app.post(
      '/target-channels',
      { schema: { tags, summary: '新增招商渠道', body: createChannelSchema, response: { 201: channelSchema } } },
      async (request, reply) => {
        reply.code(201);
        return createChannel(ctx.db, actorOf(request), request.body, ctx.clock());
      },
    );

    app.put(
      '/target-channels/:id',
      {
        schema: {
          tags,
          summary: '修改招商渠道（带版本号）',
          params: channelIdParamsSchema,
          body: updateChannelSchema,
          response: { 200: channelSchema },
        },
      },
      async (request) => updateChannel(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );

    app.post(
      '/target-channels/:id/contracts',
      {
        schema: {
          tags,
          summary: '登记委托招商合同（期限、范围、费用条款）',
          params: channelIdParamsSchema,
          body: channelContractSchema,
          response: { 201: channelSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return addChannelContract(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock());
      },
    );
  };

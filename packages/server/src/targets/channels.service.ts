import { and, eq } from 'drizzle-orm';
import { isEntrustedAgency, type ChannelKind, type PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { forbidden, notFound, staleVersion, unprocessable } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { firstRow, known } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { projectsForTargets } from '../projects/projects.service.ts';
import { targetChannelContracts, targetChannels } from './targets.table.ts';
import { channelLeads, channelRows, contractsOf, findChannelRow, type ChannelRow } from './channels.repository.ts';

/**
 * R2.8 market channels (市场化招商): entrusted agencies with their contracts, and business-led leads with who
 * brought them; each with the enterprises it brought and how many reported a project and landed.
 */

type ChannelInput = {
  kind: ChannelKind;
  name: string;
  broughtBy?: string | null;
  contact?: string | null;
  note?: string | null;
};

function assertVisible(actor: Actor, row: ChannelRow | undefined): asserts row is ChannelRow {
  const scope = platformScope(actor);
  if (!row || (scope !== null && row.platformKey !== scope)) throw notFound('招商渠道不存在');
}

function assertMayWrite(actor: Actor, platformKey: PlatformKey) {
  requirePermission(actor, 'targets.edit');
  const scope = platformScope(actor);
  if (scope !== null && scope !== platformKey) throw forbidden('平台用户只能维护本平台的招商渠道');
}

const fieldsOf = (input: ChannelInput) => ({
  kind: input.kind,
  name: input.name,
  broughtBy: input.broughtBy?.trim() || null,
  contact: input.contact?.trim() || null,
  note: input.note?.trim() || null,
});

/** `GET /target-channels`: a platform's channels (every platform's for the city-wide roles). */
export async function listChannels(db: Db, actor: Actor, query: { platformKey?: PlatformKey }) {
  requirePermission(actor, 'targets.read');
  const platformKey = platformScope(actor) ?? query.platformKey ?? null;
  const rows = await channelRows(db, platformKey);
  const ids = rows.map((row) => row.id);
  const [contracts, leads, projects] = await Promise.all([
    contractsOf(db, ids),
    channelLeads(db, ids),
    projectsForTargets(db, platformKey ? [platformKey] : null),
  ]);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const byCode = new Map<string, (typeof projects)[number]>();
  for (const p of [...projects].sort((a, b) => b.reportedOn.localeCompare(a.reportedOn)))
    if (p.creditCode) byCode.set(`${p.reportedPlatformKey}/${p.creditCode}`, p);
  const items = rows.map((row) => {
    const own = leads.filter((lead) => lead.channelId === row.id);
    let reported = 0;
    let landed = 0;
    for (const lead of own) {
      const project =
        lead.projectId !== null
          ? byId.get(lead.projectId)
          : lead.creditCode
            ? byCode.get(`${lead.platformKey}/${lead.creditCode}`)
            : undefined;
      if (project || lead.status === 'reported') reported++;
      if (project?.landedOn) landed++;
    }
    return {
      id: row.id,
      platformKey: row.platformKey,
      kind: row.kind,
      name: row.name,
      broughtBy: row.broughtBy,
      contact: row.contact,
      note: row.note,
      contracts: contracts
        .filter((c) => c.channelId === row.id)
        .map((c) => ({ id: c.id, startOn: c.startOn, endOn: c.endOn, scope: c.scope, feeTerms: c.feeTerms })),
      leads: own.length,
      reported,
      landed,
      version: row.version,
    };
  });
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

export async function createChannel(
  db: Db,
  actor: Actor,
  input: ChannelInput & { platformKey: PlatformKey },
  now: Date,
) {
  assertMayWrite(actor, input.platformKey);
  const id = await db.transaction(async (tx) => {
    const row = firstRow(
      await tx
        .insert(targetChannels)
        .values({ platformKey: input.platformKey, ...fieldsOf(input), createdAt: now, updatedAt: now })
        .returning({ id: targetChannels.id }),
      'insert target channel',
    );
    await recordAudit(
      tx,
      actor,
      { action: 'targets.channel_create', entityType: 'target_channel', entityId: row.id, after: input },
      now,
    );
    return row.id;
  });
  return channelView(db, actor, id);
}

export async function updateChannel(
  db: Db,
  actor: Actor,
  id: number,
  input: ChannelInput & { version: number },
  now: Date,
) {
  const before = await findChannelRow(db, id);
  assertVisible(actor, before);
  assertMayWrite(actor, before.platformKey);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(targetChannels)
      .set({ ...fieldsOf(input), version: input.version + 1, updatedAt: now })
      .where(and(eq(targetChannels.id, id), eq(targetChannels.version, input.version)))
      .returning({ id: targetChannels.id });
    if (updated.length === 0) throw staleVersion('该招商渠道');
    await recordAudit(
      tx,
      actor,
      { action: 'targets.channel_update', entityType: 'target_channel', entityId: id, before, after: input },
      now,
    );
  });
  return channelView(db, actor, id);
}

/** `POST /target-channels/:id/contracts`: an entrusted agency's contract (period, scope, fee terms). */
export async function addChannelContract(
  db: Db,
  actor: Actor,
  id: number,
  input: { startOn: string; endOn: string; scope: string; feeTerms: string; version: number },
  now: Date,
) {
  const before = await findChannelRow(db, id);
  assertVisible(actor, before);
  assertMayWrite(actor, before.platformKey);
  if (!isEntrustedAgency(before.kind))
    throw unprocessable('TARGET_REFUSED', '只有委托招商的咨询机构、会计师事务所、律师事务所登记委托合同');
  await db.transaction(async (tx) => {
    // The contract changes the channel: its version goes up, so two people adding at once do not both win blindly.
    const updated = await tx
      .update(targetChannels)
      .set({ version: input.version + 1, updatedAt: now })
      .where(and(eq(targetChannels.id, id), eq(targetChannels.version, input.version)))
      .returning({ id: targetChannels.id });
    if (updated.length === 0) throw staleVersion('该招商渠道');
    const { version: _v, ...contract } = input;
    await tx.insert(targetChannelContracts).values({ channelId: id, ...contract, createdAt: now });
    await recordAudit(
      tx,
      actor,
      { action: 'targets.channel_contract', entityType: 'target_channel', entityId: id, after: contract },
      now,
    );
  });
  return channelView(db, actor, id);
}

async function channelView(db: Db, actor: Actor, id: number) {
  const row = await findChannelRow(db, id);
  assertVisible(actor, row);
  const list = await listChannels(db, actor, { platformKey: row.platformKey });
  return known(
    list.items.find((item) => item.id === id),
    `channel ${id} in its platform's list`,
  );
}

import { Space } from 'antd';
import { useAuditTotal, useCatalogSummaries, useLockedUsers } from '../home.api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { PlainList } from '../../shared/PlainList.tsx';
import { CountLine } from './CountLine.tsx';
import { HomeCard } from './HomeCard.tsx';
import { Text } from '../../shared/TextStyles.tsx';

/** The drc's drafts per platform (R1.1: it compiles and publishes the catalogs). */
export function CatalogDraftsCard() {
  const catalogs = useCatalogSummaries();
  const total = (catalogs.data ?? []).reduce((sum, catalog) => sum + (catalog.drafts ?? 0), 0);
  return (
    <HomeCard title="目录草稿" to="/catalog/editor" action="去编辑" loading={catalogs.isPending} testId="home-drafts">
      <CountLine
        value={total}
        unit="份草稿"
        note="尚未发布的目录草稿，审阅后发布才会生效。"
        emptyNote="没有未发布的目录草稿。"
        testId="home-drafts-count"
      />
      {total > 0 && (
        <PlainList
          items={(catalogs.data ?? []).filter((catalog) => (catalog.drafts ?? 0) > 0)}
          rowKey={(catalog) => catalog.platformKey}
          renderItem={(catalog) => (
            <>
              {catalog.platformName}：{catalog.drafts ?? 0} 份
            </>
          )}
        />
      )}
    </HomeCard>
  );
}

/** Which catalog is in force on each platform, and since when. */
export function CatalogsInForceCard() {
  const catalogs = useCatalogSummaries();
  return (
    <HomeCard
      title="现行产业准入目录"
      to="/catalog"
      action="看目录"
      loading={catalogs.isPending}
      testId="home-catalogs"
    >
      <PlainList
        items={catalogs.data ?? []}
        rowKey={(catalog) => catalog.platformKey}
        emptyText="还没有生效的目录。"
        renderItem={(catalog) => (
          <Space>
            <Text>{catalog.platformName}</Text>
            <Text type="secondary">
              {catalog.inForce
                ? `${catalog.inForce.version}，${formatDate(catalog.inForce.effectiveDate)} 起施行`
                : '尚无生效目录'}
            </Text>
          </Space>
        )}
      />
    </HomeCard>
  );
}

/** The auditor's task: verify that no record of the trail was changed afterwards. */
export function AuditChainCard() {
  const total = useAuditTotal();
  return (
    <HomeCard title="审计日志校验" to="/admin/audit" action="去校验" loading={total.isPending} testId="home-audit">
      <CountLine
        value={total.data ?? 0}
        unit="条记录"
        note="每条记录都与上一条前后相扣。在审计日志页点击“校验哈希链”，可确认没有记录被事后改动。"
        emptyNote="还没有审计记录。"
        testId="home-audit-count"
      />
    </HomeCard>
  );
}

/** Accounts locked by repeated failed logins, for the admin to look at. */
export function LockedAccountsCard() {
  const locked = useLockedUsers();
  const users = locked.data ?? [];
  return (
    <HomeCard
      title="被锁定的账号"
      to="/admin/users"
      action="去用户管理"
      loading={locked.isPending}
      testId="home-locked"
    >
      <CountLine
        value={users.length}
        unit="个账号"
        note="连续登录失败被暂时锁定，到期自动解锁。"
        emptyNote="目前没有被锁定的账号。"
        testId="home-locked-count"
      />
      {users.length > 0 && (
        <PlainList
          items={users}
          rowKey={(user) => user.username}
          renderItem={(user) => (
            <>
              {user.displayName}（{user.username}），锁定至 {formatDateTime(user.lockedUntil)}
            </>
          )}
        />
      )}
    </HomeCard>
  );
}

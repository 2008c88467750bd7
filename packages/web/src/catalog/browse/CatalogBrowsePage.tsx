import { useState } from 'react';
import { Alert, Col, Grid, Row, Space } from 'antd';
import type { PlatformKey } from '@pgs/domain';
import { isApiError } from '../../api/client.ts';
import { useCatalogVersion, useCatalogVersions, useInForceCatalog } from '../catalog.api.ts';
import { PlatformTabs, platformNameOf, usePlatformParam } from '../components/PlatformTabs.tsx';
import { CatalogVersionCard } from './CatalogVersionCard.tsx';
import { ClassifyPanel } from './ClassifyPanel.tsx';
import { VersionHistory } from './VersionHistory.tsx';

/** 目录浏览: the catalog in force of each platform, its history, and the classification check. */
export function CatalogBrowsePage() {
  const [platformKey, setPlatformKey] = usePlatformParam();
  const [viewing, setViewing] = useState<{ platformKey: PlatformKey; versionId: number } | null>(null);
  const viewingId = viewing?.platformKey === platformKey ? viewing.versionId : null;

  const versions = useCatalogVersions(platformKey);
  const inForce = useInForceCatalog(platformKey, true);
  const other = useCatalogVersion(viewingId);
  const noneInForce = isApiError(inForce.error) && inForce.error.status === 404;
  const inForceId = inForce.data?.id ?? null;
  const shown = viewingId !== null ? other.data : inForce.data;
  const platformName = platformNameOf(platformKey);
  // Side by side only on wide screens; otherwise the check sits above the table, which keeps its full width.
  const side = Boolean(Grid.useBreakpoint().xxl);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PlatformTabs value={platformKey} onChange={setPlatformKey} />
      {inForce.error && !noneInForce && <Alert type="error" showIcon title={inForce.error.message} />}
      {!side && <ClassifyPanel platformKey={platformKey} platformName={platformName} wide />}
      <Row gutter={[16, 16]}>
        <Col span={side ? 16 : 24}>
          {/* Keyed by platform: another tab starts the table on page 1 with no filter left from the previous one. */}
          <CatalogVersionCard
            key={platformKey}
            platformName={platformName}
            catalog={shown}
            loading={viewingId !== null ? other.isLoading : inForce.isLoading}
            versions={versions.data ?? []}
            selectedId={viewingId ?? inForceId}
            inForceId={inForceId}
            onSelect={(versionId) => {
              setViewing(versionId === null ? null : { platformKey, versionId });
            }}
          />
        </Col>
        {side && (
          <Col span={8}>
            <ClassifyPanel platformKey={platformKey} platformName={platformName} />
          </Col>
        )}
      </Row>
      <VersionHistory
        versions={versions.data ?? []}
        loading={versions.isLoading}
        selectedId={viewingId ?? inForceId}
        onView={(versionId) => {
          setViewing(versionId === inForceId ? null : { platformKey, versionId });
        }}
      />
    </Space>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { CatalogView, CatalogVersionSummaryView } from '@pgs/domain';
import { exportVersion } from '../catalog.api.ts';
import { handleError } from '../../api/queryClient.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { CatalogItemsTable } from '../components/CatalogItemsTable.tsx';
import { VersionStateTag, versionLabel } from '../components/VersionStateTag.tsx';

type Props = {
  platformName: string;
  catalog: CatalogView | undefined;
  loading: boolean;
  versions: readonly CatalogVersionSummaryView[];
  selectedId: number | null;
  inForceId: number | null;
  onSelect: (versionId: number | null) => void;
};

/** One catalog version, read-only: what it is, when it applies, its items, and an Excel copy. */
export function CatalogVersionCard({
  platformName,
  catalog,
  loading,
  versions,
  selectedId,
  inForceId,
  onSelect,
}: Props) {
  const [exporting, setExporting] = useState(false);
  const runExport = async () => {
    if (!catalog) return;
    setExporting(true);
    try {
      await exportVersion(catalog, platformName);
    } catch (error) {
      handleError(error);
    } finally {
      setExporting(false);
    }
  };

  const versionSelect = (
    <div data-testid="version-select">
      <Select<number>
        style={{ minWidth: 240 }}
        placeholder="选择目录版本"
        value={selectedId ?? undefined}
        onChange={(id) => {
          onSelect(id === inForceId ? null : id);
        }}
        options={versions.map((version) => ({ value: version.id, label: versionLabel(version) }))}
      />
    </div>
  );

  return (
    <Card
      title={`${platformName}产业准入指导目录`}
      extra={
        <Space wrap>
          {versionSelect}
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void runExport()}
            loading={exporting}
            disabled={!catalog}
            data-testid="export-button"
          >
            导出Excel
          </Button>
        </Space>
      }
      data-testid="catalog-card"
    >
      {selectedId !== null && selectedId !== inForceId && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="正在查看非现行版本（只读）"
          action={
            inForceId !== null && (
              <Button
                size="small"
                onClick={() => {
                  onSelect(null);
                }}
                data-testid="back-to-in-force"
              >
                返回现行版本
              </Button>
            )
          }
        />
      )}
      {!catalog && !loading ? (
        <Empty description="该平台暂无现行有效的准入目录" data-testid="catalog-empty" />
      ) : (
        <>
          {catalog && (
            <Descriptions
              size="small"
              style={{ marginBottom: 16 }}
              data-testid="catalog-version-info"
              items={[
                {
                  key: 'version',
                  label: '版本',
                  children: <span data-testid="catalog-version-name">{catalog.version}</span>,
                },
                { key: 'state', label: '状态', children: <VersionStateTag state={catalog.state} /> },
                {
                  key: 'effective',
                  label: '生效日期',
                  children: <span data-testid="catalog-effective-date">{formatDate(catalog.effectiveDate)}</span>,
                },
                { key: 'count', label: '条目数', children: catalog.items.length },
                { key: 'published', label: '发布时间', children: formatDateTime(catalog.publishedAt) },
                { key: 'publisher', label: '发布人', children: catalog.publishedByName ?? '—' },
              ]}
            />
          )}
          <CatalogItemsTable items={catalog?.items ?? []} loading={loading} />
        </>
      )}
    </Card>
  );
}

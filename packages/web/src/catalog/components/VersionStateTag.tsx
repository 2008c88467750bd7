import { Tag } from 'antd';
import { CATALOG_VERSION_STATE_LABELS, type CatalogVersionSummaryView } from '@pgs/domain';

const STATE_COLORS: Record<CatalogVersionSummaryView['state'], string> = {
  draft: 'default',
  scheduled: 'blue',
  in_force: 'green',
  superseded: 'default',
};

export function VersionStateTag({ state }: { state: CatalogVersionSummaryView['state'] }) {
  return (
    <Tag color={STATE_COLORS[state]} data-state={state}>
      {CATALOG_VERSION_STATE_LABELS[state]}
    </Tag>
  );
}

export function versionLabel(version: Pick<CatalogVersionSummaryView, 'version' | 'state'>): string {
  return `${version.version}（${CATALOG_VERSION_STATE_LABELS[version.state]}）`;
}

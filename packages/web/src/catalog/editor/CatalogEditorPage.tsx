import { useState } from 'react';
import { App, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CatalogVersionSummaryView, PlatformKey } from '@pgs/domain';
import { catalogKeys, deleteDraft, useCatalogVersions } from '../catalog.api.ts';
import { PlatformTabs, platformNameOf, usePlatformParam } from '../components/PlatformTabs.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { DraftList } from './DraftList.tsx';
import { NewDraftModal } from './NewDraftModal.tsx';

/** 目录编辑 (drc, R1.1): per platform, drafts are edited, compared with the version in force, and published. */
export function CatalogEditorPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [platformKey, setPlatformKey] = usePlatformParam();
  const [selected, setSelected] = useState<{ platformKey: PlatformKey; versionId: number } | null>(null);
  const [creating, setCreating] = useState(false);
  const versions = useCatalogVersions(platformKey);
  const drafts = (versions.data ?? []).filter((version) => version.state === 'draft');
  const selectedId =
    selected?.platformKey === platformKey && drafts.some((draft) => draft.id === selected.versionId)
      ? selected.versionId
      : (drafts[0]?.id ?? null);
  const platformName = platformNameOf(platformKey);

  const removal = useMutation({
    mutationFn: (version: CatalogVersionSummaryView) => deleteDraft(version.id),
    onSuccess: (_result, version) => {
      message.success(`已删除草稿“${version.version}”`);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PlatformTabs value={platformKey} onChange={setPlatformKey} />
      <DraftList
        versions={versions.data ?? []}
        loading={versions.isLoading}
        selectedId={selectedId}
        onSelect={(versionId) => {
          setSelected({ platformKey, versionId });
        }}
        onCreate={() => {
          setCreating(true);
        }}
        onDelete={(version) => removal.mutateAsync(version)}
      />
      {selectedId !== null && (
        <DraftEditor
          key={selectedId}
          versionId={selectedId}
          platformName={platformName}
          onPublished={() => {
            setSelected(null);
          }}
        />
      )}
      <NewDraftModal
        platformKey={platformKey}
        platformName={platformName}
        open={creating}
        versions={versions.data ?? []}
        onClose={() => {
          setCreating(false);
        }}
        onCreated={(draft) => {
          setCreating(false);
          setSelected({ platformKey, versionId: draft.id });
          message.success(`已创建草稿“${draft.version}”，共 ${draft.items.length} 条`);
        }}
      />
    </Space>
  );
}

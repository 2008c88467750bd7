import { useQuery } from '@tanstack/react-query';
import type {
  catalogItemInputSchema,
  catalogItemUpdateSchema,
  createDraftSchema,
  publishSchema,
  CatalogDiffView,
  CatalogItemView,
  CatalogView,
  CatalogVersionSummaryView,
  ClassifyResultView,
  PlatformKey,
} from '@pgs/domain';
import { api, download, upload } from '../api/client.ts';
import type { CatalogSummary, ImportReport, In } from '../api/contract.ts';

export const catalogKeys = {
  all: ['catalog'] as const,
  summaries: () => ['catalog', 'summaries'] as const,
  inForce: (platformKey: PlatformKey) => ['catalog', 'in-force', platformKey] as const,
  versions: (platformKey: PlatformKey) => ['catalog', 'versions', platformKey] as const,
  version: (versionId: number) => ['catalog', 'version', versionId] as const,
  diff: (versionId: number) => ['catalog', 'diff', versionId] as const,
};

export function useCatalogSummaries() {
  return useQuery({ queryKey: catalogKeys.summaries(), queryFn: () => api<CatalogSummary[]>('/catalogs') });
}

export function useInForceCatalog(platformKey: PlatformKey, enabled: boolean) {
  return useQuery({
    queryKey: catalogKeys.inForce(platformKey),
    queryFn: () => api<CatalogView>(`/catalogs/${platformKey}`),
    enabled,
    // 404 means "no catalog in force yet": the page says so instead of a toast.
    meta: { silent: true },
    retry: false,
  });
}

export function useCatalogVersions(platformKey: PlatformKey) {
  return useQuery({
    queryKey: catalogKeys.versions(platformKey),
    queryFn: () => api<CatalogVersionSummaryView[]>(`/catalogs/${platformKey}/versions`),
  });
}

export function useCatalogVersion(versionId: number | null) {
  return useQuery({
    queryKey: catalogKeys.version(versionId ?? 0),
    queryFn: () => api<CatalogView>(`/catalog-versions/${versionId}`),
    enabled: versionId !== null,
  });
}

export function useCatalogDiff(versionId: number | null, enabled = true) {
  return useQuery({
    queryKey: catalogKeys.diff(versionId ?? 0),
    queryFn: () => api<CatalogDiffView>(`/catalog-versions/${versionId}/diff`),
    enabled: enabled && versionId !== null,
    staleTime: 0,
  });
}

export type ClassifyParams = { industryCode: string; text?: string; date?: string };

export function classify(platformKey: PlatformKey, params: ClassifyParams): Promise<ClassifyResultView> {
  return api<ClassifyResultView>(`/catalogs/${platformKey}/classify`, { query: params });
}

export type ItemValues = In<typeof catalogItemInputSchema>;

export function createDraft(platformKey: PlatformKey, body: In<typeof createDraftSchema>): Promise<CatalogView> {
  return api<CatalogView>(`/catalogs/${platformKey}/versions`, { method: 'POST', body });
}

export function deleteDraft(versionId: number): Promise<void> {
  return api<undefined>(`/catalog-versions/${versionId}`, { method: 'DELETE' });
}

export function createItem(versionId: number, values: ItemValues): Promise<CatalogItemView> {
  return api<CatalogItemView>(`/catalog-versions/${versionId}/items`, { method: 'POST', body: values });
}

export function updateItem(
  versionId: number,
  itemId: number,
  values: In<typeof catalogItemUpdateSchema>,
): Promise<CatalogItemView> {
  return api<CatalogItemView>(`/catalog-versions/${versionId}/items/${itemId}`, { method: 'PUT', body: values });
}

export function deleteItem(versionId: number, item: Pick<CatalogItemView, 'id' | 'revision'>): Promise<void> {
  return api<undefined>(`/catalog-versions/${versionId}/items/${item.id}`, {
    method: 'DELETE',
    query: { revision: item.revision },
  });
}

export function publishVersion(versionId: number, body: In<typeof publishSchema>): Promise<CatalogVersionSummaryView> {
  return api<CatalogVersionSummaryView>(`/catalog-versions/${versionId}/publish`, { method: 'POST', body });
}

export function importItems(versionId: number, file: File): Promise<ImportReport> {
  return upload<ImportReport>(`/catalog-versions/${versionId}/import`, file);
}

export function exportVersion(
  version: Pick<CatalogVersionSummaryView, 'id' | 'version'>,
  platformName: string,
): Promise<void> {
  return download(`/catalog-versions/${version.id}/export.xlsx`, {
    fallbackName: `${platformName}产业准入指导目录（${version.version}）.xlsx`,
  });
}

export function downloadImportTemplate(): Promise<void> {
  return download('/catalogs/import-template.xlsx', { fallbackName: '产业准入目录导入模板.xlsx' });
}

import type { auditVerifySchema, CatalogVersionSummaryView, importReportSchema, industryDetailSchema, industryImportResultSchema, PlatformKey } from '@pgs/domain';
/** The output type of a zod schema of the shared contract (type-only: no zod code reaches the browser here). */
export type Out<S extends {
    _output: unknown;
}> = S['_output'];
/**
 * What a request body of the contract accepts (zod's input type: defaults still optional, numbers as typed): the web's
 * request bodies are typed from the schema the server validates with, never re-typed by hand (issue #11).
 */
export type In<S extends {
    _input: unknown;
}> = S['_input'];
export type ImportReport = Out<typeof importReportSchema>;
export type ImportRowError = ImportReport['errors'][number];
export type IndustryDetail = Out<typeof industryDetailSchema>;
export type IndustryImportResult = Out<typeof industryImportResultSchema>;
export type AuditVerifyResult = Out<typeof auditVerifySchema>;
/** Every list of the API (DESIGN.md): `{items, total, page, pageSize}`. */
export type Page<T> = {
    items: T[];
    total: number;
    page: number;
    pageSize: number;
};
/** GET /catalogs: one line per platform. */
export type CatalogSummary = {
    platformKey: PlatformKey;
    platformName: string;
    inForce: CatalogVersionSummaryView | null;
    /** Only for roles that edit catalogs (issue #10.12). */
    drafts?: number;
};

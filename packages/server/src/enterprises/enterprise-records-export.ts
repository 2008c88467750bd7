import type { PassThrough } from 'node:stream';
import { ENTERPRISE_KIND_LABELS, ENTERPRISE_SCALE_LABELS, platformName, type EnterpriseRecordView } from '@pgs/domain';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelDay, excelNumber, type CellKind, type SheetColumn } from '../platform/xlsx-format.ts';
import {
  columnWidth,
  DATA_SHEET,
  EXPORT_ONLY,
  FIELDS,
  label,
  NO_PLATFORM_LABEL,
} from './enterprise-workbook-columns.ts';

/** The base database's list export (R3.1): the template's columns plus the derived ones, so it can be imported back. */

const yesNo = (value: boolean) => (value ? '是' : '否');
const figure = excelNumber;
/** Figures shown with two decimals (exact underneath), people as a count, the registration day as a date. */
const kindOf = (field: string): CellKind | undefined =>
  field === 'employees'
    ? 'integer'
    : field === 'registeredOn'
      ? 'day'
      : [
            'creditCode',
            'name',
            'platformKey',
            'kind',
            'scale',
            'producing',
            'industryCode',
            'backward',
            'backwardBasis',
            'zombie',
            'zombieBasis',
            'utility',
          ].includes(field)
        ? undefined
        : 'decimal';

/** Streams a list into the template's columns plus the derived ones, one row per enterprise-year. */
export function streamEnterpriseWorkbook(rows: AsyncIterable<EnterpriseRecordView>): PassThrough {
  const columns: SheetColumn[] = [
    ...FIELDS.map((field) => ({
      header: label(field),
      key: field,
      width: columnWidth(field) - 2,
      kind: kindOf(field),
    })),
    { header: EXPORT_ONLY.landTotal, key: 'landTotal', kind: 'decimal' },
    { header: EXPORT_ONLY.taxPerMu, key: 'taxPerMu', kind: 'decimal' },
  ];
  return streamWorkbook(DATA_SHEET, columns, rows, (record) => ({
    creditCode: record.creditCode,
    name: record.name,
    platformKey: record.platformKey === null ? NO_PLATFORM_LABEL : platformName(record.platformKey),
    kind: ENTERPRISE_KIND_LABELS[record.kind],
    scale: ENTERPRISE_SCALE_LABELS[record.scale],
    landOwned: figure(record.landOwned),
    landLeased: figure(record.landLeased),
    tax: figure(record.tax),
    valueAdded: figure(record.valueAdded),
    revenue: figure(record.revenue),
    rdExpense: figure(record.rdExpense),
    employees: figure(record.employees),
    energyTce: figure(record.energyTce),
    emissionsTons: figure(record.emissionsTons),
    electricityKwh: figure(record.electricityKwh),
    waterTons: figure(record.waterTons),
    producing: yesNo(record.producing),
    registeredOn: excelDay(record.registeredOn),
    industryCode: record.industryCode ?? '',
    backward: yesNo(record.backward),
    backwardBasis: record.backwardBasis ?? '',
    zombie: yesNo(record.zombie),
    zombieBasis: record.zombieBasis ?? '',
    utility: yesNo(record.utility),
    landTotal: figure(record.landTotal),
    taxPerMu: figure(record.taxPerMu),
  }));
}

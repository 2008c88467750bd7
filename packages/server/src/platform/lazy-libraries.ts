import type ExcelJSModule from 'exceljs';
import type * as DocxModule from 'docx';

/**
 * exceljs and docx are loaded at the first export, import or template that needs them, not at start-up (issue #15:
 * exceljs and the zip packages under it were about half of the bytes a warm start loaded, for requests most
 * starts never see). The first call loads the library once; every later call gets the same module.
 */
let excel: Promise<typeof ExcelJSModule> | null = null;
let docx: Promise<typeof DocxModule> | null = null;

export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  excel ??= import('exceljs').then((loaded) => loaded.default);
  return excel;
}

export function loadDocx(): Promise<typeof DocxModule> {
  docx ??= import('docx');
  return docx;
}

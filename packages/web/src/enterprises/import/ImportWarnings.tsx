import { Alert } from 'antd';
import type { RowError } from '../enterprises.api.ts';

/** What the check read past without refusing the file: the columns it ignored (备注 and other columns of the office's own). */
export function ImportWarnings({ warnings }: { warnings: readonly RowError[] | undefined }) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="import-warnings"
      title={`已忽略 ${warnings.length} 列：${warnings.map((warning) => `“${warning.column}”`).join('、')}`}
      description="模板中没有这些列，其内容不会导入；其余各列照常检查和导入。"
    />
  );
}

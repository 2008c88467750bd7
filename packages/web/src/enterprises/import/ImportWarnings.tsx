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
      title={`以下 ${warnings.length} 列不是模板中的列，已忽略，其内容不会导入`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.map((warning) => (
            <li key={`${warning.row}-${warning.column}`}>{warning.message}</li>
          ))}
        </ul>
      }
    />
  );
}

import { detailText } from './format.ts';
import { Typography } from 'antd';

type DetailRow = {
  row?: unknown;
  line?: unknown;
  column?: unknown;
  field?: unknown;
  path?: unknown;
  message?: unknown;
};

function describe(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  if (detail && typeof detail === 'object') {
    const { row, line, column, field, path, message } = detail as DetailRow;
    const where = [
      (row ?? line) ? `第 ${detailText(row ?? line)} 行` : null,
      column ? `${detailText(column)} 列` : null,
      (field ?? path) ? (Array.isArray(path) ? path.join('.') : detailText(field ?? path)) : null,
    ]
      .filter(Boolean)
      .join('，');
    const text = typeof message === 'string' ? message : JSON.stringify(detail);
    return where ? `${where}：${text}` : text;
  }
  return String(detail);
}

/** The `details` of an API error, when the server sends a list (rows of an import, fields of a form). */
export function ErrorDetails({ details, max = 20 }: { details: unknown; max?: number }) {
  if (!Array.isArray(details) || details.length === 0) return null;
  return (
    <ul style={{ margin: '8px 0 0', paddingLeft: 20 }} data-testid="error-details">
      {details.slice(0, max).map((detail, index) => (
        <li key={index}>
          <Typography.Text type="danger">{describe(detail)}</Typography.Text>
        </li>
      ))}
      {details.length > max && <li>……另有 {details.length - max} 条</li>}
    </ul>
  );
}

import { Alert } from 'antd';
import type { AuditVerifyResult } from '../../api/contract.ts';
import { formatDateTime } from '../../shared/format.ts';
import { AUDIT_VERIFY_REASON_LABELS } from '../audit-labels.ts';

function anchorNote(result: AuditVerifyResult): string {
  return result.lastAnchorAt
    ? `锚点 ${result.anchors} 个，最近一次 ${formatDateTime(result.lastAnchorAt)}`
    : '尚无锚点';
}

/** The outcome of 校验哈希链: intact, or the first bad row (its 序号 and, when it is still there, its 编号) and why. */
export function AuditVerifyAlert({ result, onClose }: { result: AuditVerifyResult; onClose: () => void }) {
  const where =
    result.firstBrokenSeq === null
      ? ''
      : `序号 ${result.firstBrokenSeq}${result.firstBrokenId === null ? '' : `（编号 ${result.firstBrokenId}）`}`;
  const reason = result.reason ? (AUDIT_VERIFY_REASON_LABELS[result.reason] ?? result.reason) : '';
  return (
    <Alert
      style={{ marginBottom: 16 }}
      showIcon
      closable={{ onClose }}
      type={result.intact ? 'success' : 'error'}
      data-testid="audit-verify-result"
      title={result.message}
      description={
        result.intact
          ? `已校验 ${result.checked} 条记录，未发现篡改；${anchorNote(result)}。`
          : `问题：${reason}。第一条异常：${where || '未知'}；此前已校验 ${result.checked} 条完好。${result.firstBrokenId === null ? '' : '请展开该记录核对内容。'}`
      }
    />
  );
}

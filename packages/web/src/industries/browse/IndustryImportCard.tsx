import { Alert, Button, Card, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { INDUSTRY_LEVEL_LABELS, INDUSTRY_LEVELS } from '@pgs/domain';
import { isApiError } from '../../api/client.ts';
import { importIndustries, industryKeys } from '../industries.api.ts';
import { ErrorDetails } from '../../shared/ErrorDetails.tsx';

/** Admin only: replace the reference table with the official GB/T 4754 CSV (`code,name`). */
export function IndustryImportCard() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: importIndustries,
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: industryKeys.all }),
  });
  const result = mutation.data;
  const error = mutation.error;

  return (
    <Card size="small" title="导入官方行业分类表（CSV）" data-testid="industries-import">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        文件为 UTF-8 编码的 CSV，两列：行业代码、行业名称（首行为这两个列名），包含门类、大类、中类、小类全部四级。
      </Typography.Paragraph>
      <Upload
        accept=".csv,text/csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          mutation.mutate(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={mutation.isPending} data-testid="industries-import-button">
          选择CSV文件并导入
        </Button>
      </Upload>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="industries-import-result"
          title={`已导入 ${result.imported} 条行业代码`}
          description={INDUSTRY_LEVELS.map(
            (level) => `${INDUSTRY_LEVEL_LABELS[level]} ${result.byLevel[level] ?? 0} 条`,
          ).join('，')}
        />
      )}
      {error && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="industries-import-error"
          title={error.message}
          description={isApiError(error) ? <ErrorDetails details={error.details} /> : undefined}
        />
      )}
    </Card>
  );
}

import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { checkAccess, classifyIndustry, landInMu, plainText, type CatalogView } from '@pgs/domain';
import { CategoryTag } from '../../catalog/components/CategoryTag.tsx';
import { AccessChecklist } from '../components/AccessChecklist.tsx';

/** Where the industry-code field stands: only a code the industry table knows is checked (issue #9). */
export type IndustryState =
  | { state: 'empty' | 'partial' | 'search' | 'checking' }
  | { state: 'unknown'; code: string }
  | { state: 'known'; code: string; name: string };

export type PreviewInput = {
  description?: string;
  fixedAssetInvestment?: number | null;
  expectedAnnualTax?: number | null;
  landArea?: number | null;
  landAreaM2?: number | null;
};

const WAITING: Record<'empty' | 'partial' | 'search' | 'checking', string> = {
  empty: '填写行业代码后显示目录类别与准入标准判断。',
  partial: '行业代码尚未填完（门类 1 个字母，或 2–4 位数字），填完后显示判断。',
  search: '正在按名称查找行业，请从下拉建议中选择一个行业代码。',
  checking: '正在核对行业代码…',
};

/**
 * While the platform user types: the catalog class and the access check, computed in the browser with the same
 * domain functions the server runs — but only once the code is complete and known; before that it says so.
 */
export function AccessPreview({
  input,
  catalog,
  industry,
}: {
  input: PreviewInput;
  catalog: CatalogView | undefined;
  industry: IndustryState;
}) {
  if (!catalog) return <Alert type="warning" showIcon title="该平台尚无现行产业准入目录，无法判断类别" />;
  if (industry.state !== 'known') {
    return (
      <Card size="small" title="实时判断" data-testid="access-preview">
        <Typography.Text type={industry.state === 'unknown' ? 'danger' : 'secondary'} data-testid="preview-waiting">
          {industry.state === 'unknown'
            ? `国民经济行业分类中没有代码 ${industry.code}，请从下拉建议中选择。`
            : WAITING[industry.state]}
        </Typography.Text>
      </Card>
    );
  }
  const classified = classifyIndustry({
    items: catalog.items,
    industryCode: industry.code,
    text: input.description,
    platformName: catalog.platformName,
    catalogVersion: catalog.version,
    industryName: industry.name,
  });
  const land = landInMu({ landArea: input.landArea ?? null, landAreaM2: input.landAreaM2 ?? null });
  const haveFigures = input.fixedAssetInvestment != null && input.expectedAnnualTax != null;
  const verdict =
    haveFigures && !('problem' in land)
      ? checkAccess({
          category: classified.category,
          fixedAssetInvestment: input.fixedAssetInvestment!,
          expectedAnnualTax: input.expectedAnnualTax!,
          landMu: land.mu,
        })
      : null;
  return (
    <Card size="small" title="实时判断" data-testid="access-preview">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          {industry.code} {industry.name} · 目录类别：
          <CategoryTag category={classified.category} testId="preview-category" />
        </div>
        <Typography.Text type="secondary">{plainText(classified.explanation)}</Typography.Text>
        {'problem' in land && <Alert type="error" showIcon title={land.problem} />}
        {verdict ? (
          <>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="用地">
                {'mu' in land && land.mu ? `${land.mu.toDecimalPlaces(4).toString()} 亩` : '无独立用地'}
              </Descriptions.Item>
            </Descriptions>
            <AccessChecklist verdict={verdict} category={classified.category} />
          </>
        ) : (
          <Typography.Text type="secondary">填写固定资产投资和预计年税收后显示准入标准判断。</Typography.Text>
        )}
      </Space>
    </Card>
  );
}

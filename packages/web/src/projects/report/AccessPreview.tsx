import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { checkAccess, classifyIndustry, landInMu, type CatalogView } from '@pgs/domain';
import { CategoryTag } from '../../catalog/components/CategoryTag.tsx';
import { ReasonList } from '../detail/EvaluationDrawer.tsx';

export type PreviewInput = {
  industryCode?: string;
  description?: string;
  fixedAssetInvestment?: number | null;
  expectedAnnualTax?: number | null;
  landArea?: number | null;
  landAreaM2?: number | null;
};

/**
 * While the platform user types: the catalog class (R1.1–R1.5) and the R2.1 access check, computed in the browser
 * with the same domain functions the server runs, so what the form shows is what the server will record.
 */
export function AccessPreview({ input, catalog, industryName }: { input: PreviewInput; catalog: CatalogView | undefined; industryName?: string }) {
  if (!catalog) return <Alert type="warning" showIcon title="该平台尚无现行产业准入目录，无法判断类别（R1.5）" />;
  if (!input.industryCode) return <Card size="small" title="实时判断"><Typography.Text type="secondary">填写行业代码后显示目录类别与准入标准判断。</Typography.Text></Card>;
  const classified = classifyIndustry({ items: catalog.items, industryCode: input.industryCode, text: input.description, platformName: catalog.platformName, catalogVersion: catalog.version, industryName });
  const land = landInMu({ landArea: input.landArea ?? null, landAreaM2: input.landAreaM2 ?? null });
  const haveFigures = input.fixedAssetInvestment != null && input.expectedAnnualTax != null;
  const verdict =
    haveFigures && !('problem' in land)
      ? checkAccess({ category: classified.category, fixedAssetInvestment: input.fixedAssetInvestment!, expectedAnnualTax: input.expectedAnnualTax!, landMu: land.mu })
      : null;
  return (
    <Card size="small" title="实时判断" data-testid="access-preview">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          目录类别：<CategoryTag category={classified.category} testId="preview-category" />
        </div>
        <Typography.Text type="secondary">{classified.explanation}</Typography.Text>
        {'problem' in land && <Alert type="error" showIcon title={land.problem} />}
        {verdict ? (
          <>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="用地">{'mu' in land && land.mu ? `${land.mu.toDecimalPlaces(4).toString()} 亩` : '无独立用地（D5）'}</Descriptions.Item>
              <Descriptions.Item label="亩均投资强度">{verdict.investmentIntensity ? `${verdict.investmentIntensity} 万元/亩` : '—'}</Descriptions.Item>
              <Descriptions.Item label="亩均税收">{verdict.taxPerMu ? `${verdict.taxPerMu} 万元/亩` : '—'}</Descriptions.Item>
            </Descriptions>
            <div>
              准入标准（R2.1）：
              <Tag color={verdict.passes ? 'green' : verdict.landless ? 'gold' : 'red'} data-testid="preview-verdict">
                {verdict.passes ? '符合' : verdict.landless ? '待评分表判断' : '不符合'}
              </Tag>
            </div>
            <ReasonList reasons={verdict.reasons} />
          </>
        ) : (
          <Typography.Text type="secondary">填写固定资产投资和预计年税收后显示准入标准判断。</Typography.Text>
        )}
      </Space>
    </Card>
  );
}

import { Space, Tag, Typography } from 'antd';
import { INTENSITY_BAR, TAX_PER_MU_BAR, type AccessVerdict, type ClassifyCategory } from '@pgs/domain';
import { CATEGORY_LABELS } from '@pgs/domain';

type Mark = boolean | null;

function Criterion({ mark, children, testId }: { mark: Mark; children: React.ReactNode; testId: string }) {
  const color = mark === null ? '#bfbfbf' : mark ? '#389e0d' : '#cf1322';
  return (
    <div data-testid={testId} data-mark={mark === null ? 'none' : mark ? 'yes' : 'no'}>
      <span
        aria-label={mark === null ? '不适用' : mark ? '满足' : '不满足'}
        style={{ color, fontWeight: 700, display: 'inline-block', width: 18 }}
      >
        {mark === null ? '—' : mark ? '✓' : '✗'}
      </span>
      {children}
    </div>
  );
}

/**
 * The access standard read as a check (issue #9): each criterion with ✓ or ✗, and the rule itself stated where the
 * verdict is shown — 鼓励类, and 投资强度或亩均税收满足其一. A project without land of its own is judged on its sheet.
 */
export function AccessChecklist({
  verdict,
  category,
  sheet,
}: {
  verdict: AccessVerdict;
  category: ClassifyCategory;
  sheet?: { total: number; passMark: number } | null;
}) {
  const encouraged = category === 'encouraged';
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="access-checklist">
      <Typography.Text type="secondary">
        准入标准：行业属本平台目录鼓励类，且投资强度或亩均税收满足其一（投资强度高于 {INTENSITY_BAR}{' '}
        万元/亩，或亩均税收高于 {TAX_PER_MU_BAR} 万元/亩）。
      </Typography.Text>
      <Criterion mark={encouraged} testId="check-category">
        目录类别：{CATEGORY_LABELS[category]}（须为鼓励类）
      </Criterion>
      {verdict.landless ? (
        <Criterion mark={sheet ? sheet.total >= sheet.passMark : null} testId="check-sheet">
          无独立用地，不看亩均指标，按评估评分表判断：
          {sheet ? `${sheet.total} 分，合格线 ${sheet.passMark} 分` : '尚未评分'}
        </Criterion>
      ) : (
        <>
          <Criterion mark={verdict.intensityAboveBar} testId="check-intensity">
            投资强度 {verdict.investmentIntensity} 万元/亩（须高于 {INTENSITY_BAR}）
          </Criterion>
          <Criterion mark={verdict.taxAboveBar} testId="check-tax">
            亩均税收 {verdict.taxPerMu} 万元/亩（须高于 {TAX_PER_MU_BAR}）
          </Criterion>
          <Typography.Text type="secondary" style={{ paddingLeft: 18 }}>
            投资强度或亩均税收满足其一即可：
            {verdict.intensityAboveBar || verdict.taxAboveBar ? '已满足' : '两项均未满足'}
          </Typography.Text>
        </>
      )}
      <div>
        结论：
        <Tag
          color={verdict.passes ? 'green' : verdict.landless && !sheet ? 'gold' : 'red'}
          data-testid="access-verdict"
        >
          {verdict.passes ? '符合准入标准' : verdict.landless && !sheet ? '待评分表判断' : '不符合准入标准'}
        </Tag>
      </div>
    </Space>
  );
}

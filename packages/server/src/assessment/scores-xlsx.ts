import { loadExcelJS } from '../platform/lazy-libraries.ts';
import type { AssessmentView } from '@pgs/domain';
import { excelColumns, styleHeaderRow, type SheetColumn } from '../platform/xlsx-format.ts';

/** The assessment's scores as a workbook like the other exports: a ranking sheet and a sheet of every criterion. */
export async function scoresWorkbook(view: AssessmentView): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const rankingColumns: SheetColumn[] = [
    { header: '名次', key: 'rank', kind: 'integer' },
    { header: '平台', key: 'platform' },
    { header: '总分', key: 'score', kind: 'score' },
    { header: '重大项目加分', key: 'bonus', kind: 'score' },
    { header: '加分项目', key: 'bonusProjects' },
    { header: '预警', key: 'warnings' },
  ];
  const rankingRows = view.platforms.map((p) => ({
    rank: p.rank,
    platform: p.platformName,
    score: p.score,
    bonus: p.bonus.points,
    bonusProjects: p.bonus.projects.map((b) => `${b.name}（${b.points}分）`).join('；'),
    warnings: p.warnings.map((w) => `${w.label}：${w.reason}`).join('；'),
  }));
  const ranking = workbook.addWorksheet(`${view.year}年度考核排名`);
  ranking.columns = excelColumns(rankingColumns, rankingRows);
  ranking.addRows(rankingRows);
  styleHeaderRow(ranking, ranking.columns);

  const detailColumns: SheetColumn[] = [
    { header: '平台', key: 'platform' },
    { header: '指标类别', key: 'group' },
    { header: '考核指标', key: 'label' },
    { header: '权重', key: 'weight', kind: 'decimal' },
    { header: '完成值', key: 'value' },
    { header: '目标', key: 'target' },
    { header: '得分', key: 'points', kind: 'score' },
    { header: '计分说明', key: 'explanation' },
  ];
  const detailRows = view.platforms.flatMap((p) => [
    ...p.criteria.map((c) => ({
      platform: p.platformName,
      group: c.groupLabel,
      label: c.label,
      weight: c.weight,
      value: c.figure.available ? (c.figure.value ?? '') : '数据待接入',
      target: c.figure.target ?? '',
      points: c.points,
      explanation: `${c.figure.explanation}；${c.explanation}`,
    })),
    ...p.manual.map((m) => ({
      platform: p.platformName,
      group: '加减分',
      label: m.label,
      weight: null,
      value: '',
      target: '',
      points: m.points,
      explanation: `${m.reason}（${m.by ?? ''} ${m.at?.slice(0, 10) ?? ''}）`,
    })),
  ]);
  const detail = workbook.addWorksheet('分项得分');
  detail.columns = excelColumns(detailColumns, detailRows);
  detail.addRows(detailRows);
  styleHeaderRow(detail, detail.columns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

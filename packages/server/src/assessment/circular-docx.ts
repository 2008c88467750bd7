import type { IRunOptions } from 'docx';
import Decimal from 'decimal.js';
import type { AssessmentView } from '@pgs/domain';
import { loadDocx } from '../platform/lazy-libraries.ts';

/**
 * The published assessment as an official circular (通报) laid out after GB/T 9704-2012 《党政机关公文格式》:
 * A4 paper, top margin 37 mm, left (binding) 28 mm, text block 156 × 225 mm (so right 26 mm, bottom 35 mm); the
 * issuing office's red header with a red rule; the 文号 under it; the title in 2号小标宋 (22 pt); body text in 3号
 * 仿宋 (16 pt) at 28.95 pt fixed line pitch (22 lines a page), headings of the first level in 3号黑体; the attachment
 * (附件) with the score table; the issuing office and date. Written with the maintained `docx` package.
 */
const MM = 56.7; // twips per millimetre
export const CIRCULAR_PAGE = {
  width: 11906,
  height: 16838,
  margin: {
    top: Math.round(37 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
    bottom: Math.round(35 * MM),
  },
};
const FANGSONG = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312' };
const XIAOBIAOSONG = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体' };
const HEITI = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体' };
const SIZE_3 = 32; // half-points: 3号 = 16 pt
const SIZE_2 = 44; // 2号 = 22 pt
// 28.95 pt in twips; `lineRule: 'exact'` is docx's LineRuleType.EXACT (the module loads at the first circular).
const LINE = { line: 579, lineRule: 'exact' as const };
const TITLE_LINE = { line: 700, lineRule: 'exact' as const };
const ISSUER = '温州市产业平台发展工作领导小组办公室';

/** The circular's building blocks, over the docx module (loaded at the first circular, not at start-up). */
function blocks(docx: Awaited<ReturnType<typeof loadDocx>>) {
  const { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const run = (text: string, options: Partial<IRunOptions> = {}) =>
    new TextRun({ text, font: FANGSONG, size: SIZE_3, ...options });
  const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: LINE });
  const heading = (text: string) =>
    new Paragraph({ children: [run(text, { font: HEITI })], indent: { firstLine: 640 }, spacing: LINE });
  const cell = (text: string, header = false) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          // Through run(): its options are IRunOptions only (TextRun also takes a string, whose bold() is deprecated).
          children: [run(text, { size: 24, bold: header })],
        }),
      ],
    });
  const table = (header: string[], rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
        ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
      ],
    });
  return { run, body, heading, table };
}

const points = (n: number) => n.toFixed(2);
/** 万元 → 亿元 for the circular's prose, exactly (D1). */
const yi = (wan: string) => new Decimal(wan).div(10000).toString();
const chineseDate = (day: string) =>
  `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

export function circularNumber(view: AssessmentView): string {
  return `温平台办〔${view.year}〕${view.id ?? 0}号`;
}

export function circularTitle(view: AssessmentView): string {
  return `关于${view.year}年度市级三大功能性平台考核结果的通报`;
}

export async function circularDocx(view: AssessmentView): Promise<Buffer> {
  const docx = await loadDocx();
  const { AlignmentType, BorderStyle, Document, Packer, PageBreak, Paragraph, TextRun } = docx;
  const { run, body, heading, table } = blocks(docx);
  const issuedOn = (view.publishedAt ?? view.createdAt).slice(0, 10);
  const ranking = view.platforms.map((p) => `${p.platformName}${points(p.score)}分，排名第${p.rank}`).join('；');
  const bonusLines = view.platforms
    .filter((p) => p.bonus.projects.length > 0)
    .map(
      (p) =>
        `${p.platformName}：${p.bonus.projects.map((b) => `${b.name}（总投资${yi(b.totalInvestment)}亿元，计${b.points}分）`).join('、')}，合计加${p.bonus.points}分。`,
    );
  const warnings = view.platforms.flatMap((p) => p.warnings.map((w) => `${p.platformName}：${w.reason}。`));
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 400 },
      children: [new TextRun({ text: `${ISSUER}文件`, font: XIAOBIAOSONG, size: 64, color: 'FF0000' })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      children: [run(circularNumber(view))],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 8 } },
    }),
    new Paragraph({ spacing: LINE, children: [run('')] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: TITLE_LINE,
      children: [new TextRun({ text: circularTitle(view), font: XIAOBIAOSONG, size: SIZE_2 })],
    }),
    new Paragraph({ spacing: LINE, children: [run('')] }),
    new Paragraph({ spacing: LINE, children: [run('各平台管委会，市级有关部门：')] }),
    body(
      `根据《${view.rubricName}》，市产业平台发展工作领导小组办公室对三大平台${view.year}年度精准招商任务执行、招引项目与鼓励类产业契合度、主导产业集群发展、存量产业有机更新、土地清理与利用等工作进行了考核（数据截至${chineseDate(view.asOf)}）。现将考核结果通报如下。`,
    ),
    heading('一、考核结果'),
    body(`${ranking}。各项得分见附件。`),
    heading('二、重大制造业项目加分'),
    body(
      bonusLines.length > 0
        ? `对当年落地、总投资20亿元（含）以上、属平台产业准入目录鼓励类的单体制造业项目予以加分，不设上限：${bonusLines.join('')}`
        : '本年度没有符合加分条件的单体制造业项目。',
    ),
    heading('三、预警与约谈'),
    body(
      warnings.length > 0
        ? `${warnings.join('')}请相关平台认真分析原因，限期整改，领导小组办公室将按规定进行约谈。`
        : '本年度没有平台触发约谈和通报情形。',
    ),
    body('希望各平台对照考核结果，查找差距，补齐短板，推动平台产业高质量发展。'),
    new Paragraph({ spacing: LINE, children: [run('')] }),
    new Paragraph({
      spacing: LINE,
      indent: { firstLine: 640 },
      children: [run(`附件：${view.year}年度平台考核得分表`)],
    }),
    new Paragraph({ spacing: LINE, children: [run('')] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 640 }, children: [run(ISSUER)] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: 1280 },
      children: [run(chineseDate(issuedOn))],
    }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: LINE, children: [run('附件', { font: HEITI })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: TITLE_LINE,
      children: [new TextRun({ text: `${view.year}年度平台考核得分表`, font: XIAOBIAOSONG, size: SIZE_2 })],
    }),
    table(
      ['名次', '平台', '指标得分', '加减分', '重大项目加分', '总分'],
      view.platforms.map((p) => {
        const criteria = p.criteria.reduce((sum, c) => sum + c.points, 0);
        const manual = p.manual.reduce((sum, m) => sum + m.points, 0);
        return [
          String(p.rank),
          p.platformName,
          points(criteria),
          points(manual),
          points(p.bonus.points),
          points(p.score),
        ];
      }),
    ),
    new Paragraph({ spacing: LINE, children: [run('')] }),
    table(
      ['考核指标', '权重', ...view.platforms.map((p) => p.platformName)],
      (view.platforms[0]?.criteria ?? []).map((c, k) => [
        c.label,
        String(c.weight),
        ...view.platforms.map((p) => {
          const mine = p.criteria[k];
          return mine ? (mine.figure.available ? points(mine.points) : '数据待接入') : '';
        }),
      ]),
    ),
  ];
  const document = new Document({
    creator: ISSUER,
    title: circularTitle(view),
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE_3 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: CIRCULAR_PAGE.width, height: CIRCULAR_PAGE.height }, margin: CIRCULAR_PAGE.margin },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

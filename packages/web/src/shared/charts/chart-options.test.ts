import { describe, expect, it } from 'vitest';
import { buildLineOption } from './LineChart.tsx';
import { buildClassDistributionOption } from '../../mu-evaluation/runs/ClassDistributionChart.tsx';

type Formatter = (params: unknown) => string;

describe('buildLineOption: an enterprise’s figures over the years', () => {
  const option = buildLineOption({
    categories: ['2023', '2024', '2025'],
    series: [
      { name: '实缴税收', values: [120.456, null, 98], unit: '万元' },
      { name: '亩均税收', values: [12.3456, 13, 14], unit: '万元/亩', axis: 1 },
    ],
    axisNames: ['万元', '万元/亩'],
  });

  it('puts a series of another unit on a right-hand axis, dashed', () => {
    expect(option.yAxis).toHaveLength(2);
    const series = option.series as Array<{ yAxisIndex: number; lineStyle: { type?: string } }>;
    expect(series.map((each) => each.yAxisIndex)).toEqual([0, 1]);
    expect(series[1]!.lineStyle.type).toBe('dashed');
  });

  it('D14: breaks the line at a missing figure and rounds to two decimals', () => {
    const series = option.series as Array<{ data: Array<number | null>; connectNulls: boolean }>;
    expect(series[0]!.data).toEqual([120.46, null, 98]);
    expect(series[0]!.connectNulls).toBe(false);
    expect(series[1]!.data).toEqual([12.35, 13, 14]);
  });

  it('D14: says 无数据 in the tooltip where a figure is missing, and the unit where one is there', () => {
    const tooltip = (option.tooltip as { formatter: Formatter }).formatter;
    const text = tooltip([
      { name: '2024', seriesName: '实缴税收', value: null, marker: '' },
      { name: '2024', seriesName: '亩均税收', value: 13, marker: '' },
    ]);
    expect(text).toBe('2024<br/>实缴税收：无数据<br/>亩均税收：13 万元/亩');
  });

  it('has one axis when every series shares the unit', () => {
    const single = buildLineOption({ categories: ['2025'], series: [{ name: '营业收入', values: [1], unit: '万元' }] });
    expect(single.yAxis).toHaveLength(1);
  });
});

describe('buildClassDistributionOption: a run’s classes per platform (R3.2)', () => {
  const option = buildClassDistributionOption([
    { name: '瓯江口', counts: { A: 2, B: 4, C: 3, D: 1, T: 5 } },
    { name: '浙南', counts: { A: 1, B: 0, C: 0, D: 0, T: 0 } },
  ]);

  it('stacks one bar per class, in the order A B C D T', () => {
    const series = option.series as Array<{ id: string; stack: string; data: number[] }>;
    expect(series.map((each) => each.id)).toEqual(['A', 'B', 'C', 'D', 'T']);
    expect(series.every((each) => each.stack === 'classes')).toBe(true);
    expect(series[0]!.data).toEqual([2, 1]);
  });

  it('R3.2: gives each class its share of the ranked enterprises, T not counted', () => {
    const tooltip = (option.tooltip as { formatter: Formatter }).formatter;
    const text = tooltip(
      (['A', 'B', 'C', 'D', 'T'] as const).map((cls, i) => ({
        name: '瓯江口',
        seriesId: cls,
        seriesName: cls,
        value: [2, 4, 3, 1, 5][i],
        marker: '',
      })),
    );
    expect(text.split('<br/>')).toEqual([
      '瓯江口（共 15 家）',
      'A：2 家（20%）',
      'B：4 家（40%）',
      'C：3 家（30%）',
      'D：1 家（10%）',
      'T：5 家（不计入占比）',
    ]);
  });
});

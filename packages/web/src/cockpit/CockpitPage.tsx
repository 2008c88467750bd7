import { useMemo, useRef, useState, useEffect } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { COCKPIT_FIGURES, type CockpitFigureDef, type CockpitFigures } from '@pgs/domain';
import { todayInShanghai } from '../shared/format.ts';
import { useDownload } from '../shared/useDownload.ts';
import { useCockpit, exportCockpit } from './cockpit.api.ts';
import { FigureTile } from './FigureTile.tsx';
import { FigureDrawer } from './FigureDrawer.tsx';
import { CockpitCharts } from './CockpitCharts.tsx';

const SECTIONS = [...new Set(COCKPIT_FIGURES.map((def) => def.section))];

/** Tiles shown in red: a figure that asks the leadership to act. */
function isAlert(def: CockpitFigureDef, figures: CockpitFigures): boolean {
  if (def.key === 'landedShare') return figures.landed.behind;
  if (def.key === 'abcdDShare') return figures.abcd?.ruleHolds === false;
  const value = def.value(figures);
  return ['renewalOverdue', 'keyTasksOverdue', 'assessmentWarnings'].includes(def.key) && Number(value) > 0;
}

/**
 * 驾驶舱 (issue #14): the leadership group's page — the three platforms and the city as of a day, every number
 * explained (?) and opening its rows (click), charts, an Excel export and a full-screen mode for a wall screen.
 * A platform user sees its own column only (the server decides).
 */
export function CockpitPage() {
  const [search, setSearch] = useSearchParams();
  const today = todayInShanghai();
  const currentYear = Number(today.slice(0, 4));
  const asked = Number(search.get('year'));
  const year = Number.isInteger(asked) && asked >= 2018 && asked <= currentYear ? asked : currentYear;
  const asOf = search.get('asOf') ?? undefined;
  const cockpit = useCockpit(year, asOf);
  const view = cockpit.data;
  const [column, setColumn] = useState<string>('city');
  const [open, setOpen] = useState<CockpitFigureDef | null>(null);
  // A double click on a tile: the second click lands on the drawer's mask and would close what the first opened.
  const openedAt = useRef(0);
  const openFigure = (def: CockpitFigureDef) => {
    openedAt.current = Date.now();
    setOpen(def);
  };
  const closeFigure = () => {
    if (Date.now() - openedAt.current > 400) setOpen(null);
  };
  const exporting = useDownload(() => exportCockpit(year, asOf));
  const screen = useRef<HTMLDivElement>(null);
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const changed = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);

  const setParam = (name: string, value: string | null) =>
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        if (value === null) params.delete(name);
        else params.set(name, value);
        if (name === 'year') params.delete('asOf');
        return params;
      },
      { replace: true },
    );

  const columns = useMemo(
    () => [
      ...(view?.city ? [{ value: 'city', label: '三平台合计' }] : []),
      ...(view?.platforms ?? []).map((p) => ({ value: p.platformKey as string, label: p.platformName })),
    ],
    [view],
  );
  const chosen = columns.some((c) => c.value === column) ? column : columns[0]?.value;
  const figures = chosen === 'city' ? view?.city : view?.platforms.find((p) => p.platformKey === chosen)?.figures;

  return (
    <div ref={screen} style={{ background: '#f5f5f5', padding: fullScreen ? 24 : 0, overflow: 'auto' }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="cockpit-page">
        <Card size="small">
          <Space size="large" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              温州市三大平台产业发展驾驶舱
            </Typography.Title>
            <Space>
              <Typography.Text>年度</Typography.Text>
              <Select
                data-testid="cockpit-year"
                style={{ width: 110 }}
                value={year}
                onChange={(next) => setParam('year', String(next))}
                options={Array.from({ length: currentYear - 2017 }, (_, k) => currentYear - k).map((y) => ({
                  value: y,
                  label: `${y} 年`,
                }))}
              />
            </Space>
            <Space>
              <Typography.Text>数据截至</Typography.Text>
              <DatePicker
                data-testid="cockpit-asof"
                value={view ? dayjs(view.asOf) : null}
                allowClear={false}
                onChange={(day) => setParam('asOf', day ? day.format('YYYY-MM-DD') : null)}
                disabledDate={(d) => d.year() !== year || d.format('YYYY-MM-DD') > today}
              />
            </Space>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting.downloading}
              onClick={() => void exporting.start()}
              data-testid="cockpit-export"
            >
              导出 Excel
            </Button>
            <Button
              icon={fullScreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
              data-testid="cockpit-fullscreen"
              onClick={() => {
                if (document.fullscreenElement) void document.exitFullscreen();
                else void screen.current?.requestFullscreen();
              }}
            >
              {fullScreen ? '退出全屏' : '全屏展示'}
            </Button>
          </Space>
        </Card>
        {cockpit.error && <Alert type="error" showIcon title={cockpit.error.message} data-testid="cockpit-error" />}
        {!view && !cockpit.error && <Spin size="large" description="正在汇总各模块数据…" />}
        {view && figures && (
          <>
            <Space wrap>
              <Segmented
                data-testid="cockpit-column"
                value={chosen}
                onChange={(next) => setColumn(String(next))}
                options={columns}
              />
              <Typography.Text type="secondary">
                数据截至 {view.asOf}。点击任一数字查看各平台对比和明细，问号说明统计口径。
              </Typography.Text>
            </Space>
            {SECTIONS.map((section) => (
              <Card key={section} size="small" title={section} data-testid={`cockpit-section-${section}`}>
                <Row gutter={[12, 12]}>
                  {COCKPIT_FIGURES.filter((def) => def.section === section).map((def) => (
                    <Col key={def.key} xs={12} md={8} xl={4}>
                      <FigureTile
                        def={def}
                        figures={figures}
                        alert={isAlert(def, figures)}
                        onOpen={() => openFigure(def)}
                      />
                    </Col>
                  ))}
                </Row>
              </Card>
            ))}
            <CockpitCharts view={view} figures={figures} />
            <FigureDrawer def={open} view={view} onClose={closeFigure} />
          </>
        )}
      </Space>
    </div>
  );
}

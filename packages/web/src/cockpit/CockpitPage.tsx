import { lazy, Suspense, useRef, useState, useEffect } from 'react';
import { Alert, Button, Card, DatePicker, Segmented, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { todayInShanghai } from '../shared/format.ts';
import { useDownload } from '../shared/useDownload.ts';
import { useCockpit, exportCockpit } from './cockpit.api.ts';
import { CockpitTiles, chosenColumn } from './CockpitTiles.tsx';
import { CockpitCharts } from './CockpitCharts.tsx';

// The Wenzhou map (ECharts' geo parts, the districts file and the map's own request) arrives when it is drawn.
const CockpitMap = lazy(() => import('./CockpitMap.tsx'));

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
  const exporting = useDownload(() => exportCockpit(year, asOf));
  const screen = useRef<HTMLDivElement>(null);
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const changed = () => {
      setFullScreen(document.fullscreenElement !== null);
    };
    // Esc leaves full screen: the browser does it itself where it owns the key; this covers a kiosk or a remote
    // keyboard on a wall screen where the key reaches the page.
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && document.fullscreenElement) void document.exitFullscreen();
    };
    document.addEventListener('fullscreenchange', changed);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('fullscreenchange', changed);
      document.removeEventListener('keydown', escape);
    };
  }, []);

  const setParam = (name: string, value: string | null) => {
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
  };

  const { columns, chosen, figures } = chosenColumn(view, column);

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
                onChange={(next) => {
                  setParam('year', String(next));
                }}
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
                onChange={(day) => {
                  setParam('asOf', day ? day.format('YYYY-MM-DD') : null);
                }}
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
              <Segmented data-testid="cockpit-column" value={chosen} onChange={setColumn} options={columns} />
              <Typography.Text type="secondary">
                数据截至 {view.asOf}。点击任一数字查看各平台对比和明细，问号说明统计口径。
              </Typography.Text>
            </Space>
            {view.asOfNotes.length > 0 && (
              // A past day is rebuilt from the modules' dated histories; what they keep no history of is said here.
              <Alert
                type="info"
                showIcon
                data-testid="cockpit-as-of-notes"
                title={`按 ${view.asOf} 回溯的口径`}
                description={
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {view.asOfNotes.map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Card size="small" title="温州三大平台分布（悬停查看要点，点击切换到该平台）">
              <Suspense fallback={<div style={{ height: fullScreen ? 560 : 440 }} />}>
                <CockpitMap
                  view={view}
                  chosen={chosen ?? 'city'}
                  onChoose={setColumn}
                  height={fullScreen ? 560 : 440}
                />
              </Suspense>
            </Card>
            <CockpitTiles view={view} figures={figures} />
            <CockpitCharts view={view} figures={figures} />
          </>
        )}
      </Space>
    </div>
  );
}

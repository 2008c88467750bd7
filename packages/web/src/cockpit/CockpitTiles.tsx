import { lazy, Suspense, useRef, useState } from 'react';
import { Card, Col, Row } from 'antd';
import { COCKPIT_FIGURES, type CockpitFigureDef } from '@pgs/domain/cockpit/cockpit-figure-list';
import type { CockpitFigures, CockpitView } from '@pgs/domain/cockpit/cockpit.contract';
import { FigureTile } from './FigureTile.tsx';

// The drawer (a table of the platforms side by side) arrives with the first click on a tile: the leader's 工作台 shows
// these tiles and must not wait for antd's table (issue #15).
const FigureDrawer = lazy(() => import('./FigureDrawer.tsx').then((m) => ({ default: m.FigureDrawer })));

const SECTIONS = [...new Set(COCKPIT_FIGURES.map((def) => def.section))];

/** Tiles shown in red: a figure that asks the leadership to act. */
function isAlert(def: CockpitFigureDef, figures: CockpitFigures): boolean {
  if (def.key === 'landedShare') return figures.landed.behind;
  if (def.key === 'abcdDShare') return figures.abcd?.ruleHolds === false;
  const value = def.value(figures);
  return ['renewalOverdue', 'keyTasksOverdue', 'assessmentWarnings'].includes(def.key) && Number(value) > 0;
}

/**
 * The cockpit's sections of big-number tiles for one column, each opening its drawer (every platform side by side and
 * the way to its rows). Shared by the cockpit page and the leader's 工作台, so both show the same numbers the same
 * way; no chart here (ECharts stays out of the first page after sign-in, issue #15).
 */
export function CockpitTiles({ view, figures }: { view: CockpitView; figures: CockpitFigures }) {
  const [open, setOpen] = useState<CockpitFigureDef | null>(null);
  // Kept once opened, so the drawer's closing animation plays.
  const [wanted, setWanted] = useState(false);
  // A double click on a tile: the second click lands on the drawer's mask and would close what the first opened.
  const justOpened = useRef(false);
  const openFigure = (def: CockpitFigureDef) => {
    justOpened.current = true;
    window.setTimeout(() => {
      justOpened.current = false;
    }, 400);
    setWanted(true);
    setOpen(def);
  };
  // Only the pointer is held off: Esc pressed at once (a quick reader, or a fast machine in the e2e test) must close.
  const closeFigure = (how: 'key' | 'pointer') => {
    if (how === 'key' || !justOpened.current) setOpen(null);
  };
  return (
    <>
      {SECTIONS.map((section) => (
        <Card key={section} size="small" title={section} data-testid={`cockpit-section-${section}`}>
          <Row gutter={[12, 12]}>
            {COCKPIT_FIGURES.filter((def) => def.section === section).map((def) => (
              <Col key={def.key} xs={12} md={8} xl={4}>
                <FigureTile
                  def={def}
                  figures={figures}
                  alert={isAlert(def, figures)}
                  onOpen={() => {
                    openFigure(def);
                  }}
                />
              </Col>
            ))}
          </Row>
        </Card>
      ))}
      {wanted && (
        <Suspense fallback={null}>
          <FigureDrawer def={open} view={view} onClose={closeFigure} />
        </Suspense>
      )}
    </>
  );
}

/** The columns a reader may choose: 三平台合计 (city-wide readers) and each platform it sees. */
export function cockpitColumns(view: CockpitView | undefined) {
  return [
    ...(view?.city ? [{ value: 'city', label: '三平台合计' }] : []),
    ...(view?.platforms ?? []).map((p) => ({ value: p.platformKey, label: p.platformName })),
  ];
}

/** The figures of the chosen column (the first one offered when the choice is not available). */
export function chosenColumn(view: CockpitView | undefined, column: string) {
  const columns = cockpitColumns(view);
  const chosen = columns.some((c) => c.value === column) ? column : columns[0]?.value;
  const figures = chosen === 'city' ? view?.city : view?.platforms.find((p) => p.platformKey === chosen)?.figures;
  return { columns, chosen, figures: figures ?? undefined };
}

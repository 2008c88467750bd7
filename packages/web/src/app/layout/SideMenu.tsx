import { useMemo, type ReactNode } from 'react';
import { Menu, type MenuProps } from 'antd';
// The icons' drawings, drawn by antd's own icon component: the same <span class="anticon"><svg> as the components of
// `@ant-design/icons`. The drawings are the menu's own modules (`pgs-menu-icon:`, vite.config.ts), so they travel in
// the menu's file and not in some twenty small files of their own (issue #15: the first page's weight).
import AntdIcon from '@ant-design/icons/es/components/AntdIconLight';
import AimOutlined from 'pgs-menu-icon:AimOutlined';
import AlertOutlined from 'pgs-menu-icon:AlertOutlined';
import AppstoreOutlined from 'pgs-menu-icon:AppstoreOutlined';
import AuditOutlined from 'pgs-menu-icon:AuditOutlined';
import BankOutlined from 'pgs-menu-icon:BankOutlined';
import BarChartOutlined from 'pgs-menu-icon:BarChartOutlined';
import CalendarOutlined from 'pgs-menu-icon:CalendarOutlined';
import CarOutlined from 'pgs-menu-icon:CarOutlined';
import CheckSquareOutlined from 'pgs-menu-icon:CheckSquareOutlined';
import ClockCircleOutlined from 'pgs-menu-icon:ClockCircleOutlined';
import CommentOutlined from 'pgs-menu-icon:CommentOutlined';
import CompassOutlined from 'pgs-menu-icon:CompassOutlined';
import ControlOutlined from 'pgs-menu-icon:ControlOutlined';
import DashboardOutlined from 'pgs-menu-icon:DashboardOutlined';
import DatabaseOutlined from 'pgs-menu-icon:DatabaseOutlined';
import EditOutlined from 'pgs-menu-icon:EditOutlined';
import EnvironmentOutlined from 'pgs-menu-icon:EnvironmentOutlined';
import ExperimentOutlined from 'pgs-menu-icon:ExperimentOutlined';
import FieldTimeOutlined from 'pgs-menu-icon:FieldTimeOutlined';
import FileAddOutlined from 'pgs-menu-icon:FileAddOutlined';
import FlagOutlined from 'pgs-menu-icon:FlagOutlined';
import FormOutlined from 'pgs-menu-icon:FormOutlined';
import FundProjectionScreenOutlined from 'pgs-menu-icon:FundProjectionScreenOutlined';
import FunnelPlotOutlined from 'pgs-menu-icon:FunnelPlotOutlined';
import GlobalOutlined from 'pgs-menu-icon:GlobalOutlined';
import HomeOutlined from 'pgs-menu-icon:HomeOutlined';
import ImportOutlined from 'pgs-menu-icon:ImportOutlined';
import NotificationOutlined from 'pgs-menu-icon:NotificationOutlined';
import PieChartOutlined from 'pgs-menu-icon:PieChartOutlined';
import ProjectOutlined from 'pgs-menu-icon:ProjectOutlined';
import RiseOutlined from 'pgs-menu-icon:RiseOutlined';
import SafetyCertificateOutlined from 'pgs-menu-icon:SafetyCertificateOutlined';
import ScheduleOutlined from 'pgs-menu-icon:ScheduleOutlined';
import SearchOutlined from 'pgs-menu-icon:SearchOutlined';
import SettingOutlined from 'pgs-menu-icon:SettingOutlined';
import ShareAltOutlined from 'pgs-menu-icon:ShareAltOutlined';
import SwapOutlined from 'pgs-menu-icon:SwapOutlined';
import SyncOutlined from 'pgs-menu-icon:SyncOutlined';
import TableOutlined from 'pgs-menu-icon:TableOutlined';
import TeamOutlined from 'pgs-menu-icon:TeamOutlined';
import TrophyOutlined from 'pgs-menu-icon:TrophyOutlined';
import UnorderedListOutlined from 'pgs-menu-icon:UnorderedListOutlined';
import { useLocation, useNavigate } from 'react-router';
import { can, type Role } from '@pgs/domain/platform/roles';
import { useI18n } from '../../i18n/index.tsx';
import { APP_ROUTES, MENU_GROUPS, type MenuGroup } from '../routes.ts';

const ROUTE_ICONS: Record<string, ReactNode> = {
  '/projects': <AntdIcon icon={TableOutlined} />,
  '/projects/board': <AntdIcon icon={ProjectOutlined} />,
  '/projects/new': <AntdIcon icon={FileAddOutlined} />,
  '/projects/queue': <AntdIcon icon={CheckSquareOutlined} />,
  '/projects/summary': <AntdIcon icon={BarChartOutlined} />,
  '/projects/settings': <AntdIcon icon={ControlOutlined} />,
  '/targets': <AntdIcon icon={AimOutlined} />,
  '/targets/map/china': <AntdIcon icon={GlobalOutlined} />,
  '/targets/map/wenzhou': <AntdIcon icon={EnvironmentOutlined} />,
  '/targets/channels': <AntdIcon icon={ShareAltOutlined} />,
  '/targets/funnel': <AntdIcon icon={FunnelPlotOutlined} />,
  '/trips': <AntdIcon icon={CarOutlined} />,
  '/trips/new': <AntdIcon icon={FileAddOutlined} />,
  '/trips/staff': <AntdIcon icon={TeamOutlined} />,
  '/trips/time': <AntdIcon icon={FieldTimeOutlined} />,
  '/trips/compliance': <AntdIcon icon={BarChartOutlined} />,
  '/calendar': <AntdIcon icon={CalendarOutlined} />,
  '/enterprises': <AntdIcon icon={DatabaseOutlined} />,
  '/enterprises/import': <AntdIcon icon={ImportOutlined} />,
  '/evaluations': <AntdIcon icon={TrophyOutlined} />,
  '/evaluations/method': <AntdIcon icon={ExperimentOutlined} />,
  '/renewal': <AntdIcon icon={ProjectOutlined} />,
  '/renewal/candidates': <AntdIcon icon={FileAddOutlined} />,
  '/renewal/overdue': <AntdIcon icon={ClockCircleOutlined} />,
  '/renewal/catalog-consequences': <AntdIcon icon={SwapOutlined} />,
  '/renewal/industry-profile': <AntdIcon icon={PieChartOutlined} />,
  '/assessment': <AntdIcon icon={FlagOutlined} />,
  '/assessment/rubric': <AntdIcon icon={FormOutlined} />,
  '/assessment/milestones': <AntdIcon icon={ScheduleOutlined} />,
  '/assessment/interviews': <AntdIcon icon={CommentOutlined} />,
  '/catalog': <AntdIcon icon={UnorderedListOutlined} />,
  '/industries': <AntdIcon icon={SearchOutlined} />,
  '/catalog/editor': <AntdIcon icon={EditOutlined} />,
  '/parcels': <AntdIcon icon={EnvironmentOutlined} />,
  '/parcels/due': <AntdIcon icon={AlertOutlined} />,
  '/parcels/import': <AntdIcon icon={ImportOutlined} />,
  '/parcels/settings': <AntdIcon icon={ControlOutlined} />,
  '/admin/users': <AntdIcon icon={TeamOutlined} />,
  '/admin/audit': <AntdIcon icon={AuditOutlined} />,
  '/admin/account-changes': <AntdIcon icon={SafetyCertificateOutlined} />,
  '/key-tasks': <AntdIcon icon={ScheduleOutlined} />,
  '/notices': <AntdIcon icon={NotificationOutlined} />,
};
const GROUP_ICONS: Record<Exclude<MenuGroup, 'home'>, ReactNode> = {
  projects: <AntdIcon icon={FundProjectionScreenOutlined} />,
  targets: <AntdIcon icon={CompassOutlined} />,
  trips: <AntdIcon icon={EnvironmentOutlined} />,
  enterprises: <AntdIcon icon={BankOutlined} />,
  land: <AntdIcon icon={GlobalOutlined} />,
  renewal: <AntdIcon icon={SyncOutlined} />,
  assessment: <AntdIcon icon={RiseOutlined} />,
  safeguards: <AntdIcon icon={FlagOutlined} />,
  catalog: <AntdIcon icon={AppstoreOutlined} />,
  system: <AntdIcon icon={SettingOutlined} />,
};

/** The side menu by module; entries the role may not use are not shown at all. */
export function SideMenu({ role }: { role: Role }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMemo<MenuProps['items']>(
    () => [
      // 工作台 stands first, on its own, for every role.
      ...APP_ROUTES.filter((route) => route.group === 'home' && can(role, route.permission)).map((route) => ({
        key: route.path,
        icon: route.path === '/' ? <AntdIcon icon={HomeOutlined} /> : <AntdIcon icon={DashboardOutlined} />,
        label: (
          <span data-testid={route.path === '/' ? 'menu-home' : `menu-${route.path.slice(1)}`} data-path={route.path}>
            {t(route.titleKey)}
          </span>
        ),
      })),
      ...MENU_GROUPS.map((group) => {
        const children = APP_ROUTES.filter(
          (route) => route.group === group.key && !route.hideInMenu && can(role, route.permission),
        ).map((route) => ({
          key: route.path,
          icon: ROUTE_ICONS[route.path],
          label: (
            <span data-testid={`menu-${route.path.slice(1).replace(/\//g, '-')}`} data-path={route.path}>
              {t(route.titleKey)}
            </span>
          ),
        }));
        return children.length
          ? { key: group.key, icon: GROUP_ICONS[group.key], label: t(group.titleKey), children }
          : null;
      }).filter((item) => item !== null),
    ],
    [role, t],
  );
  // A project's own page keeps the ledger selected; an enterprise's the enterprise list, a run's lists the runs.
  const parent = ['/projects', '/trips', '/enterprises', '/evaluations', '/renewal'].find((prefix) =>
    pathname.startsWith(`${prefix}/`),
  );
  const selected = APP_ROUTES.find((route) => route.path === pathname)?.path ?? parent;
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={MENU_GROUPS.map((group) => group.key)}
      onClick={({ key }) => void navigate(key)}
      data-testid="side-menu"
    />
  );
}

import { useMemo, type ReactNode } from 'react';
import { Menu, type MenuProps } from 'antd';
import {
  NotificationOutlined,
  AimOutlined,
  CompassOutlined,
  FunnelPlotOutlined,
  ShareAltOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  CheckSquareOutlined,
  ControlOutlined,
  DatabaseOutlined,
  AlertOutlined,
  GlobalOutlined,
  EditOutlined,
  ExperimentOutlined,
  FileAddOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  DashboardOutlined,
  ImportOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  ClockCircleOutlined,
  SwapOutlined,
  PieChartOutlined,
  SyncOutlined,
  FlagOutlined,
  FormOutlined,
  ScheduleOutlined,
  CommentOutlined,
  RiseOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { can, type Role } from '@pgs/domain/platform/roles';
import { useI18n } from '../../i18n/index.tsx';
import { APP_ROUTES, MENU_GROUPS, type MenuGroup } from '../routes.ts';

const ROUTE_ICONS: Record<string, ReactNode> = {
  '/projects': <TableOutlined />,
  '/projects/board': <ProjectOutlined />,
  '/projects/new': <FileAddOutlined />,
  '/projects/queue': <CheckSquareOutlined />,
  '/projects/summary': <BarChartOutlined />,
  '/projects/settings': <ControlOutlined />,
  '/targets': <AimOutlined />,
  '/targets/map/china': <GlobalOutlined />,
  '/targets/map/wenzhou': <EnvironmentOutlined />,
  '/targets/channels': <ShareAltOutlined />,
  '/targets/funnel': <FunnelPlotOutlined />,
  '/trips': <CarOutlined />,
  '/trips/new': <FileAddOutlined />,
  '/trips/staff': <TeamOutlined />,
  '/trips/time': <FieldTimeOutlined />,
  '/trips/compliance': <BarChartOutlined />,
  '/calendar': <CalendarOutlined />,
  '/enterprises': <DatabaseOutlined />,
  '/enterprises/import': <ImportOutlined />,
  '/evaluations': <TrophyOutlined />,
  '/evaluations/method': <ExperimentOutlined />,
  '/renewal': <ProjectOutlined />,
  '/renewal/candidates': <FileAddOutlined />,
  '/renewal/overdue': <ClockCircleOutlined />,
  '/renewal/catalog-consequences': <SwapOutlined />,
  '/renewal/industry-profile': <PieChartOutlined />,
  '/assessment': <FlagOutlined />,
  '/assessment/rubric': <FormOutlined />,
  '/assessment/milestones': <ScheduleOutlined />,
  '/assessment/interviews': <CommentOutlined />,
  '/catalog': <UnorderedListOutlined />,
  '/industries': <SearchOutlined />,
  '/catalog/editor': <EditOutlined />,
  '/parcels': <EnvironmentOutlined />,
  '/parcels/due': <AlertOutlined />,
  '/parcels/import': <ImportOutlined />,
  '/parcels/settings': <ControlOutlined />,
  '/admin/users': <TeamOutlined />,
  '/admin/audit': <AuditOutlined />,
  '/admin/account-changes': <SafetyCertificateOutlined />,
  '/key-tasks': <ScheduleOutlined />,
  '/notices': <NotificationOutlined />,
};
const GROUP_ICONS: Record<Exclude<MenuGroup, 'home'>, ReactNode> = {
  projects: <FundProjectionScreenOutlined />,
  targets: <CompassOutlined />,
  trips: <EnvironmentOutlined />,
  enterprises: <BankOutlined />,
  land: <GlobalOutlined />,
  renewal: <SyncOutlined />,
  assessment: <RiseOutlined />,
  safeguards: <FlagOutlined />,
  catalog: <AppstoreOutlined />,
  system: <SettingOutlined />,
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
        icon: route.path === '/' ? <HomeOutlined /> : <DashboardOutlined />,
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

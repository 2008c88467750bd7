import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Permission } from '@pgs/domain/platform/roles';
import type { MessageKey } from '../i18n/index.tsx';

export { HOME_PATH } from './paths.ts';

export type MenuGroup =
  | 'home'
  | 'projects'
  | 'targets'
  | 'trips'
  | 'enterprises'
  | 'land'
  | 'renewal'
  | 'assessment'
  | 'safeguards'
  | 'catalog'
  | 'system';

export type AppRoute = {
  path: string;
  titleKey: MessageKey;
  group: MenuGroup;
  /** Who may open the page: checked by `can()` for the menu and for the route itself. */
  permission: Permission;
  Page: LazyExoticComponent<ComponentType>;
  /** A page reached from another (a project's own page), not from the menu. */
  hideInMenu?: boolean;
};

/** Every page is its own chunk: the login page never downloads the editors. */
export const APP_ROUTES: readonly AppRoute[] = [
  // 工作台: what waits for this user; every signed-in role reads published catalogs, so every role has it.
  {
    path: '/',
    titleKey: 'menu.home',
    group: 'home',
    permission: 'catalog.read',
    Page: lazy(() => import('../home/HomePage.tsx').then((m) => ({ default: m.HomePage }))),
  },
  // 驾驶舱 (issue #14): the leadership group's page, next to the 工作台 (it is the leader's workbench too).
  {
    path: '/cockpit',
    titleKey: 'menu.cockpit',
    group: 'home',
    permission: 'cockpit.read',
    Page: lazy(() => import('../cockpit/CockpitPage.tsx').then((m) => ({ default: m.CockpitPage }))),
  },
  {
    path: '/projects',
    titleKey: 'menu.projectLedger',
    group: 'projects',
    permission: 'projects.read',
    Page: lazy(() =>
      import('../projects/ledger/ProjectLedgerPage.tsx').then((m) => ({ default: m.ProjectLedgerPage })),
    ),
  },
  {
    path: '/projects/board',
    titleKey: 'menu.projectBoard',
    group: 'projects',
    permission: 'projects.read',
    Page: lazy(() => import('../projects/board/StageBoardPage.tsx').then((m) => ({ default: m.StageBoardPage }))),
  },
  {
    path: '/projects/new',
    titleKey: 'menu.projectReport',
    group: 'projects',
    permission: 'projects.report',
    Page: lazy(() =>
      import('../projects/report/ReportProjectPage.tsx').then((m) => ({ default: m.ReportProjectPage })),
    ),
  },
  {
    path: '/projects/queue',
    titleKey: 'menu.projectQueue',
    group: 'projects',
    permission: 'projects.circulate',
    Page: lazy(() =>
      import('../projects/queue/ConfirmationQueuePage.tsx').then((m) => ({ default: m.ConfirmationQueuePage })),
    ),
  },
  {
    path: '/projects/summary',
    titleKey: 'menu.projectSummary',
    group: 'projects',
    permission: 'projects.read',
    Page: lazy(() =>
      import('../projects/summary/InvestmentSummaryPage.tsx').then((m) => ({ default: m.InvestmentSummaryPage })),
    ),
  },
  {
    path: '/projects/settings',
    titleKey: 'menu.projectSettings',
    group: 'projects',
    permission: 'projects.configure',
    Page: lazy(() =>
      import('../projects/settings/ProjectSettingsPage.tsx').then((m) => ({ default: m.ProjectSettingsPage })),
    ),
  },
  {
    path: '/projects/:id',
    titleKey: 'menu.projectDetail',
    group: 'projects',
    permission: 'projects.read',
    hideInMenu: true,
    Page: lazy(() => import('../projects/detail/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage }))),
  },
  // §三 land (R3.1, R3.6): static paths before '/parcels/:id'.
  {
    path: '/parcels',
    titleKey: 'menu.parcelLedger',
    group: 'land',
    permission: 'parcels.read',
    Page: lazy(() => import('../land/ParcelLedgerPage.tsx').then((m) => ({ default: m.ParcelLedgerPage }))),
  },
  {
    path: '/parcels/due',
    titleKey: 'menu.parcelDue',
    group: 'land',
    permission: 'parcels.read',
    Page: lazy(() => import('../land/DueListPage.tsx').then((m) => ({ default: m.DueListPage }))),
  },
  {
    path: '/parcels/import',
    titleKey: 'menu.parcelImport',
    group: 'land',
    permission: 'parcels.edit',
    Page: lazy(() => import('../land/ParcelImportPage.tsx').then((m) => ({ default: m.ParcelImportPage }))),
  },
  {
    // Everyone who reads the ledger may read the rules its clocks use; the eitc and the drc change them.
    path: '/parcels/settings',
    titleKey: 'menu.parcelSettings',
    group: 'land',
    permission: 'parcels.read',
    Page: lazy(() => import('../land/LandSettingsPage.tsx').then((m) => ({ default: m.LandSettingsPage }))),
  },
  {
    path: '/parcels/:id',
    titleKey: 'menu.parcelDetail',
    group: 'land',
    permission: 'parcels.read',
    hideInMenu: true,
    Page: lazy(() => import('../land/ParcelPage.tsx').then((m) => ({ default: m.ParcelPage }))),
  },
  // §二(四)–(五) map-led investment (R2.7–R2.8): target library, the two maps, channels, the funnel.
  {
    path: '/targets',
    titleKey: 'menu.targetLibrary',
    group: 'targets',
    permission: 'targets.read',
    Page: lazy(() =>
      import('../targets/library/TargetLibraryPage.tsx').then((m) => ({ default: m.TargetLibraryPage })),
    ),
  },
  {
    path: '/targets/map/china',
    titleKey: 'menu.targetChinaMap',
    group: 'targets',
    permission: 'targets.read',
    Page: lazy(() => import('../targets/maps/ChinaMapPage.tsx').then((m) => ({ default: m.ChinaMapPage }))),
  },
  {
    path: '/targets/map/wenzhou',
    titleKey: 'menu.targetWenzhouMap',
    group: 'targets',
    permission: 'targets.read',
    Page: lazy(() => import('../targets/maps/WenzhouMapPage.tsx').then((m) => ({ default: m.WenzhouMapPage }))),
  },
  {
    path: '/targets/channels',
    titleKey: 'menu.targetChannels',
    group: 'targets',
    permission: 'targets.read',
    Page: lazy(() => import('../targets/channels/ChannelsPage.tsx').then((m) => ({ default: m.ChannelsPage }))),
  },
  {
    path: '/targets/funnel',
    titleKey: 'menu.targetFunnel',
    group: 'targets',
    permission: 'targets.read',
    Page: lazy(() => import('../targets/funnel/FunnelPage.tsx').then((m) => ({ default: m.FunnelPage }))),
  },
  {
    path: '/targets/:id',
    titleKey: 'menu.targetDetail',
    group: 'targets',
    permission: 'targets.read',
    hideInMenu: true,
    Page: lazy(() => import('../targets/detail/TargetDetailPage.tsx').then((m) => ({ default: m.TargetDetailPage }))),
  },
  // §二(五) R2.8: outbound trips, rosters, time declarations, staffing compliance; the holiday calendar.
  {
    path: '/trips',
    titleKey: 'menu.tripList',
    group: 'trips',
    permission: 'trips.read',
    Page: lazy(() => import('../trips/list/TripListPage.tsx').then((m) => ({ default: m.TripListPage }))),
  },
  {
    path: '/trips/new',
    titleKey: 'menu.tripReport',
    group: 'trips',
    permission: 'trips.report',
    Page: lazy(() => import('../trips/report/TripReportPage.tsx').then((m) => ({ default: m.TripReportPage }))),
  },
  {
    path: '/trips/:id/edit',
    titleKey: 'menu.tripEdit',
    group: 'trips',
    permission: 'trips.report',
    hideInMenu: true,
    Page: lazy(() => import('../trips/report/TripReportPage.tsx').then((m) => ({ default: m.TripReportPage }))),
  },
  {
    path: '/trips/staff',
    titleKey: 'menu.tripRoster',
    group: 'trips',
    permission: 'trips.read',
    Page: lazy(() => import('../trips/roster/RosterPage.tsx').then((m) => ({ default: m.RosterPage }))),
  },
  {
    path: '/trips/time',
    titleKey: 'menu.tripTime',
    group: 'trips',
    permission: 'trips.read',
    Page: lazy(() => import('../trips/time/TimeDeclarationPage.tsx').then((m) => ({ default: m.TimeDeclarationPage }))),
  },
  {
    path: '/trips/compliance',
    titleKey: 'menu.tripCompliance',
    group: 'trips',
    permission: 'trips.read',
    Page: lazy(() =>
      import('../trips/compliance/ComplianceBoardPage.tsx').then((m) => ({ default: m.ComplianceBoardPage })),
    ),
  },
  {
    path: '/calendar',
    titleKey: 'menu.holidayCalendar',
    group: 'trips',
    permission: 'calendar.read',
    Page: lazy(() =>
      import('../trips/calendar/HolidayCalendarPage.tsx').then((m) => ({ default: m.HolidayCalendarPage })),
    ),
  },
  // §三 stock renewal (R3.1–R3.4). Static paths before '/enterprises/:creditCode', so AppLayout finds their titles.
  {
    path: '/enterprises',
    titleKey: 'menu.enterpriseList',
    group: 'enterprises',
    permission: 'enterprises.read',
    Page: lazy(() =>
      import('../enterprises/list/EnterpriseListPage.tsx').then((m) => ({ default: m.EnterpriseListPage })),
    ),
  },
  {
    path: '/enterprises/import',
    titleKey: 'menu.enterpriseImport',
    group: 'enterprises',
    permission: 'enterprises.import',
    Page: lazy(() =>
      import('../enterprises/import/EnterpriseImportPage.tsx').then((m) => ({ default: m.EnterpriseImportPage })),
    ),
  },
  {
    path: '/enterprises/:creditCode',
    titleKey: 'menu.enterpriseDetail',
    group: 'enterprises',
    permission: 'enterprises.read',
    hideInMenu: true,
    Page: lazy(() =>
      import('../enterprises/detail/EnterpriseDetailPage.tsx').then((m) => ({ default: m.EnterpriseDetailPage })),
    ),
  },
  {
    path: '/evaluations',
    titleKey: 'menu.evaluationRuns',
    group: 'enterprises',
    permission: 'evaluations.read',
    Page: lazy(() =>
      import('../mu-evaluation/runs/MuEvaluationRunsPage.tsx').then((m) => ({ default: m.MuEvaluationRunsPage })),
    ),
  },
  {
    path: '/evaluations/method',
    titleKey: 'menu.evaluationMethod',
    group: 'enterprises',
    permission: 'evaluations.manage',
    Page: lazy(() =>
      import('../mu-evaluation/method/MuEvaluationMethodPage.tsx').then((m) => ({ default: m.MuEvaluationMethodPage })),
    ),
  },
  {
    path: '/evaluations/:id/measures',
    titleKey: 'menu.evaluationMeasures',
    group: 'enterprises',
    permission: 'evaluations.read',
    hideInMenu: true,
    Page: lazy(() => import('../mu-evaluation/measures/MeasuresPage.tsx').then((m) => ({ default: m.MeasuresPage }))),
  },
  {
    path: '/evaluations/:id/rectification',
    titleKey: 'menu.evaluationRectification',
    group: 'enterprises',
    permission: 'evaluations.read',
    hideInMenu: true,
    Page: lazy(() =>
      import('../mu-evaluation/measures/RectificationPage.tsx').then((m) => ({ default: m.RectificationPage })),
    ),
  },
  // §三(二) renewal tracks (R3.5, R1.6) and §三(一) the industry profile (issue #12).
  {
    path: '/renewal',
    titleKey: 'menu.renewalBoard',
    group: 'renewal',
    permission: 'renewal.read',
    Page: lazy(() => import('../renewal/board/RenewalBoardPage.tsx').then((m) => ({ default: m.RenewalBoardPage }))),
  },
  {
    path: '/renewal/candidates',
    titleKey: 'menu.renewalCandidates',
    group: 'renewal',
    permission: 'renewal.read',
    Page: lazy(() => import('../renewal/candidates/CandidatesPage.tsx').then((m) => ({ default: m.CandidatesPage }))),
  },
  {
    path: '/renewal/overdue',
    titleKey: 'menu.renewalOverdue',
    group: 'renewal',
    permission: 'renewal.read',
    Page: lazy(() => import('../renewal/overdue/OverduePage.tsx').then((m) => ({ default: m.OverduePage }))),
  },
  {
    path: '/renewal/catalog-consequences',
    titleKey: 'menu.renewalConsequences',
    group: 'renewal',
    permission: 'renewal.read',
    Page: lazy(() =>
      import('../renewal/consequences/ConsequencesPage.tsx').then((m) => ({ default: m.ConsequencesPage })),
    ),
  },
  {
    path: '/renewal/industry-profile',
    titleKey: 'menu.industryProfile',
    group: 'renewal',
    permission: 'enterprises.read',
    Page: lazy(() =>
      import('../renewal/profile/IndustryProfilePage.tsx').then((m) => ({ default: m.IndustryProfilePage })),
    ),
  },
  {
    path: '/renewal/cases/:id',
    titleKey: 'menu.renewalCase',
    group: 'renewal',
    permission: 'renewal.read',
    hideInMenu: true,
    Page: lazy(() => import('../renewal/detail/RenewalCasePage.tsx').then((m) => ({ default: m.RenewalCasePage }))),
  },
  // §四 the platforms' yearly assessment (R4.2–R4.3).
  {
    path: '/assessment',
    titleKey: 'menu.assessment',
    group: 'assessment',
    permission: 'assessment.read',
    Page: lazy(() => import('../assessment/AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage }))),
  },
  {
    path: '/assessment/rubric',
    titleKey: 'menu.assessmentRubric',
    group: 'assessment',
    permission: 'assessment.read',
    Page: lazy(() => import('../assessment/RubricPage.tsx').then((m) => ({ default: m.RubricPage }))),
  },
  {
    path: '/assessment/milestones',
    titleKey: 'menu.assessmentMilestones',
    group: 'assessment',
    permission: 'assessment.read',
    Page: lazy(() => import('../assessment/MilestonesPage.tsx').then((m) => ({ default: m.MilestonesPage }))),
  },
  {
    path: '/assessment/interviews',
    titleKey: 'menu.assessmentInterviews',
    group: 'assessment',
    permission: 'assessment.read',
    Page: lazy(() => import('../assessment/InterviewsPage.tsx').then((m) => ({ default: m.InterviewsPage }))),
  },
  // §四 safeguards: the key-task list (R4.4) and the public notice of results (R3.2 公示).
  {
    path: '/key-tasks',
    titleKey: 'menu.keyTasks',
    group: 'safeguards',
    permission: 'keyTasks.read',
    Page: lazy(() => import('../key-tasks/KeyTasksPage.tsx').then((m) => ({ default: m.KeyTasksPage }))),
  },
  {
    path: '/notices',
    titleKey: 'menu.notices',
    group: 'safeguards',
    permission: 'notices.read',
    Page: lazy(() => import('../notices/NoticesPage.tsx').then((m) => ({ default: m.NoticesPage }))),
  },
  {
    path: '/catalog',
    titleKey: 'menu.catalogBrowse',
    group: 'catalog',
    permission: 'catalog.read',
    Page: lazy(() => import('../catalog/browse/CatalogBrowsePage.tsx').then((m) => ({ default: m.CatalogBrowsePage }))),
  },
  {
    path: '/industries',
    titleKey: 'menu.industries',
    group: 'catalog',
    permission: 'industries.read',
    Page: lazy(() => import('../industries/browse/IndustriesPage.tsx').then((m) => ({ default: m.IndustriesPage }))),
  },
  {
    path: '/catalog/editor',
    titleKey: 'menu.catalogEditor',
    group: 'catalog',
    permission: 'catalog.edit',
    Page: lazy(() => import('../catalog/editor/CatalogEditorPage.tsx').then((m) => ({ default: m.CatalogEditorPage }))),
  },
  {
    path: '/admin/users',
    titleKey: 'menu.users',
    group: 'system',
    permission: 'users.manage',
    Page: lazy(() => import('../users/list/UsersPage.tsx').then((m) => ({ default: m.UsersPage }))),
  },
  {
    path: '/admin/audit',
    titleKey: 'menu.audit',
    group: 'system',
    permission: 'audit.read',
    Page: lazy(() => import('../audit/log/AuditPage.tsx').then((m) => ({ default: m.AuditPage }))),
  },
  {
    path: '/admin/account-changes',
    titleKey: 'menu.accountChanges',
    group: 'system',
    permission: 'accounts.review',
    Page: lazy(() => import('../users/review/AccountChangesPage.tsx').then((m) => ({ default: m.AccountChangesPage }))),
  },
];

export const MENU_GROUPS: ReadonlyArray<{ key: Exclude<MenuGroup, 'home'>; titleKey: MessageKey }> = [
  { key: 'projects', titleKey: 'menu.projectsGroup' },
  { key: 'targets', titleKey: 'menu.targetsGroup' },
  { key: 'trips', titleKey: 'menu.tripsGroup' },
  { key: 'enterprises', titleKey: 'menu.enterprisesGroup' },
  { key: 'land', titleKey: 'menu.landGroup' },
  { key: 'renewal', titleKey: 'menu.renewalGroup' },
  { key: 'assessment', titleKey: 'menu.assessmentGroup' },
  { key: 'safeguards', titleKey: 'menu.safeguardsGroup' },
  { key: 'catalog', titleKey: 'menu.catalogGroup' },
  { key: 'system', titleKey: 'menu.systemGroup' },
];

export const ForcedPasswordChangePage = lazy(() =>
  import('../auth/password/ForcedPasswordChangePage.tsx').then((m) => ({ default: m.ForcedPasswordChangePage })),
);
export const PublicParcelsPage = lazy(() =>
  import('../land/PublicParcelsPage.tsx').then((m) => ({ default: m.PublicParcelsPage })),
);
/** The public notice of results (R3.2 公示): outside the signed-in layout, no login. */
export const PublicNoticesPage = lazy(() =>
  import('../notices/PublicNoticesPage.tsx').then((m) => ({ default: m.PublicNoticesPage })),
);
export const LoginPage = lazy(() => import('../auth/login/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
export const AppLayout = lazy(() => import('./layout/AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
export const ErrorPage = lazy(() => import('./error/ErrorPage.tsx').then((m) => ({ default: m.ErrorPage })));

/**
 * Chinese names of the audit actions and object types the server writes (packages/server/src/**); every new
 * action a module audits is named here. A server test checks that every action written has a name.
 * Unknown ones (a later module) show as their code; the filters still accept any text.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '连续登录失败，账号锁定',
  'auth.login_refused_locked': '账号锁定中，拒绝登录',
  'auth.login_disabled': '已停用账号尝试登录',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.change_password': '修改本人密码',
  'user.unlock': '解除登录锁定',
  'account_change.review': '审阅账号变更',
  'catalog.seed': '载入初始目录',
  'catalog.draft_create': '新建目录草稿',
  'catalog.draft_delete': '删除目录草稿',
  'catalog.item_add': '新增目录条目',
  'catalog.item_update': '修改目录条目',
  'catalog.item_delete': '删除目录条目',
  'catalog.import': 'Excel 导入目录条目',
  'catalog.publish': '发布目录',
  'projects.report': '首报登记项目',
  'projects.transition': '变更项目阶段',
  'projects.transition_undo': '撤销项目阶段变更',
  'projects.evaluate': '项目准入评估',
  'projects.circulate': '项目流转',
  'projects.settings_update': '修改招商项目设置',
  'enterprises.import': '导入企业年度数据',
  'evaluations.method_update': '修改亩均评价办法',
  'evaluations.run': '运行亩均评价',
  'evaluations.publish': '发布亩均评价结果',
  'industries.seed': '载入行业分类表',
  'industries.import': '导入行业分类表',
  'platforms.seed': '载入平台信息',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  login_name: '登录名（无此账号）',
  account_change: '账号变更',
  catalog_version: '目录版本',
  catalog_item: '目录条目',
  project: '招商项目',
  project_settings: '招商项目设置',
  enterprise_records: '企业年度数据',
  evaluation_method: '亩均评价办法',
  evaluation_run: '亩均评价',
  industries: '行业分类表',
  platforms: '平台',
};


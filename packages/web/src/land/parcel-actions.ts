import {
  DELAY_CAUSE_LABELS,
  REUSE_WAY_LABELS,
  SUPPLY_WAY_LABELS,
  VACATE_REASON_LABELS,
  type ParcelState,
  type Permission,
} from '@pgs/domain';

export type Field = {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'date' | 'select' | 'switch';
  required?: boolean;
  options?: Record<string, string>;
  extra?: string;
};

export type ActionSpec = {
  path: string;
  label: string;
  from: readonly ParcelState[];
  permission: Permission;
  fields: Field[];
};

/** The moves of a parcel's life, as the parcel page offers them (the server checks each again). */
export const PARCEL_ACTION_SPECS: ActionSpec[] = [
  {
    path: 'supply',
    label: '供地',
    from: ['approved', 'recovered'],
    permission: 'parcels.edit',
    fields: [
      { name: 'way', label: '供地方式', kind: 'select', required: true, options: SUPPLY_WAY_LABELS },
      { name: 'contractNo', label: '合同编号', kind: 'text', required: true },
      { name: 'contractDate', label: '合同日期', kind: 'date', required: true },
      { name: 'landPrice', label: '土地价款（万元）', kind: 'number', required: true },
      { name: 'holderName', label: '用地单位', kind: 'text', required: true },
      {
        name: 'holderCreditCode',
        label: '统一社会信用代码',
        kind: 'text',
        extra: '须为企业库中的企业或招商项目的投资方',
      },
      { name: 'agreedStartOn', label: '约定开工日期', kind: 'date', required: true },
      { name: 'agreedCompletionOn', label: '约定竣工日期', kind: 'date', required: true },
      { name: 'totalInvestment', label: '约定总投资（万元）', kind: 'number' },
    ],
  },
  {
    path: 'start',
    label: '开工',
    from: ['supplied'],
    permission: 'parcels.edit',
    fields: [{ name: 'startedOn', label: '开工日期', kind: 'date', required: true }],
  },
  {
    path: 'progress',
    label: '报告建设进度',
    from: ['started'],
    permission: 'parcels.edit',
    fields: [
      { name: 'reportedOn', label: '报告日期', kind: 'date', required: true },
      { name: 'developedArea', label: '已开发面积（亩）', kind: 'number' },
      { name: 'investedAmount', label: '已投资额（万元）', kind: 'number' },
      {
        name: 'suspendedSince',
        label: '停工日期（未停工不填）',
        kind: 'date',
        extra: '已开发不足三分之一或投资不足 25% 且停工满一年，认定闲置',
      },
    ],
  },
  {
    path: 'complete',
    label: '竣工',
    from: ['started'],
    permission: 'parcels.edit',
    fields: [
      { name: 'completedOn', label: '竣工日期', kind: 'date', required: true },
      { name: 'builtArea', label: '建筑面积（平方米）', kind: 'number' },
      { name: 'investedAmount', label: '已投资额（万元）', kind: 'number' },
    ],
  },
  {
    path: 'delays',
    label: '登记延期',
    from: ['supplied', 'started'],
    permission: 'parcels.edit',
    fields: [
      { name: 'cause', label: '延期原因', kind: 'select', required: true, options: DELAY_CAUSE_LABELS },
      { name: 'reason', label: '理由', kind: 'text', required: true },
      { name: 'evidence', label: '证明材料', kind: 'text' },
      { name: 'fromOn', label: '起始日', kind: 'date', required: true },
      {
        name: 'toOn',
        label: '截止日',
        kind: 'date',
        required: true,
        extra: '每宗地块只能延期一次，最长一年；延期天数不计入闲置期限',
      },
    ],
  },
  {
    path: 'vacate',
    label: '腾空',
    from: ['supplied', 'started', 'completed', 'reused'],
    permission: 'parcels.edit',
    fields: [
      { name: 'vacatedOn', label: '腾空日期', kind: 'date', required: true },
      { name: 'fromEnterpriseName', label: '原用地企业', kind: 'text', required: true },
      { name: 'fromEnterpriseCreditCode', label: '原企业统一社会信用代码', kind: 'text' },
      { name: 'reason', label: '腾空原因', kind: 'select', required: true, options: VACATE_REASON_LABELS },
      { name: 'note', label: '说明', kind: 'text' },
    ],
  },
  {
    path: 'reuse',
    label: '再利用',
    from: ['vacated'],
    permission: 'parcels.edit',
    fields: [
      { name: 'way', label: '再利用方式', kind: 'select', required: true, options: REUSE_WAY_LABELS },
      { name: 'reusedOn', label: '再利用日期', kind: 'date', required: true },
      { name: 'newHolderName', label: '新用地单位', kind: 'text', required: true },
      { name: 'newHolderCreditCode', label: '新用地单位统一社会信用代码', kind: 'text' },
    ],
  },
  {
    path: 'recover',
    label: '收回',
    from: ['supplied', 'started'],
    permission: 'parcels.edit',
    fields: [
      { name: 'recoveredOn', label: '收回日期', kind: 'date', required: true },
      { name: 'decisionNo', label: '收回决定书文号', kind: 'text', required: true },
    ],
  },
  {
    path: 'publish',
    label: '向投资者公开',
    from: ['approved', 'recovered', 'vacated'],
    permission: 'parcels.publish',
    fields: [{ name: 'contact', label: '招商联系方式', kind: 'text', required: true }],
  },
];

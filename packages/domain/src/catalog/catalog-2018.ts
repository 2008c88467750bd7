import type { PlatformKey } from '../platform/platforms.ts';
import { BASIS_CATEGORY, type CatalogBasis, type CatalogItemDraft } from './catalog-types.ts';

/**
 * R1.1–R1.4 (§一): the first access catalogs of the three platforms, 2018年本. Built from §一(一) (each
 * platform's leading industries and supporting services), §一(二) (restricted and eliminated classes) and
 * §三(二)1 (the overcapacity industries). Codes are GB/T 4754-2017 at any level; a more specific item beats a
 * broader one (classify.ts), which is how a platform's own encouraged item beats a broader restriction (D12).
 *
 * How the restricted class is built (R1.3, D12): another platform's leading manufacturing industries are
 * restricted here — they are nationally encouraged, but do not fit this platform's function and are steered
 * to the platform that leads them — except where this platform's own encouraged item covers the same
 * direction (新能源 on 瓯江口 and 高新区; robots on 浙南 and 高新区; industrial automation on 瓯江口 and 高新区).
 */
export const CATALOG_2018_VERSION = '2018年本';

/** One item; its class follows from its basis (BASIS_CATEGORY), so the two can never disagree. */
function item(basis: CatalogBasis, industryCode: string, note: string, keywords: string[] = []): CatalogItemDraft {
  return { category: BASIS_CATEGORY[basis], industryCode, keywords, basis, note };
}

const leading = (code: string, note: string, keywords?: string[]) => item('R1.2-leading', code, note, keywords);
const supporting = (code: string, note: string) => item('R1.2-supporting', code, note);
const emerging = (code: string, note: string, keywords?: string[]) => item('R1.2-emerging', code, note, keywords);
const misfit = (code: string, note: string) => item('R1.3-misfit', code, note);

const MISFIT_TAIL = '与本平台功能定位和发展方向不符，原则上不予新批新建，新项目引导至主导平台（§一(二)）';

/**
 * §一(二) and §三(二)1: what every platform restricts or eliminates whatever its direction — national restricted
 * items first, then the overcapacity, no-endowment and backward-capacity industries.
 */
function commonNegativeItems(platform: string): CatalogItemDraft[] {
  const overcapacity = (code: string, what: string) =>
    item(
      'R1.4-overcapacity',
      code,
      `${what}：国家明确的产能严重过剩行业（国发〔2013〕41号；实施意见§三(二)1），不得列为鼓励类，原则上不予新批新建；` +
        '已建成的违规项目依法全面清理整顿，既有企业须明确搬迁处置计划并限期整顿关停（§一(二)）',
    );
  const dyeing = (code: string, what: string) =>
    item(
      'R1.4-backward',
      code,
      `${what}：印染属国家淘汰落后产能重点行业（国发〔2010〕7号），浙江省淘汰印染落后产能任务较重，高耗水、高排放，` +
        `${platform}不具备承载条件且与功能定位不符，列入淘汰类；既有企业须明确搬迁处置计划（§一(二)）`,
    );
  return [
    item(
      'R1.3-national-restricted',
      '2612',
      '无机碱制造中的纯碱、烧碱：《产业结构调整指导目录（2011年本）（2013年修正）》限制类（石化化工）所列新建纯碱、烧碱生产装置，' +
        '不予新批新建；既有装置符合环保、安全、能耗要求的可在原规模内技术改造（§一(二)）',
      ['纯碱', '烧碱', '碳酸钠', '氢氧化钠'],
    ),
    item(
      'R1.3-national-restricted',
      '2631',
      '高毒、高残留农药原药：《产业结构调整指导目录（2011年本）（2013年修正）》限制类（石化化工）所列新建高毒、高残留以及对环境影响大的' +
        '农药原药生产装置（如氧乐果、甲拌磷、克百威、涕灭威等），不予新批新建（§一(二)）',
      ['高毒', '高残留', '氧乐果', '甲拌磷', '克百威', '涕灭威'],
    ),
    overcapacity('31', '钢铁——黑色金属冶炼和压延加工业（炼铁、炼钢、钢压延加工、铁合金冶炼）'),
    overcapacity('3011', '水泥——水泥制造（含熟料生产线和水泥粉磨站）'),
    overcapacity('3216', '电解铝——铝冶炼'),
    overcapacity('3041', '平板玻璃——平板玻璃制造（浮法等平板玻璃原片；特种玻璃3042不在此列）'),
    overcapacity('3731', '船舶——金属船舶制造'),
    overcapacity('3732', '船舶——非金属船舶制造'),
    overcapacity('3733', '船舶——娱乐船和运动船制造'),
    overcapacity('3734', '船舶——船用配套设备制造'),
    overcapacity('3735', '船舶——船舶改装'),
    overcapacity('3736', '船舶——船舶拆除'),
    item(
      'R1.4-no-endowment',
      '25',
      '石油、煤炭及其他燃料加工业（原油加工、炼焦、煤化工、核燃料加工等）：国家鼓励类、限制类中均有条目，' +
        `但${platform}不具备原料、岸线、环境容量等资源要素禀赋，且与平台功能定位不符，列入淘汰类（§一(二)）`,
    ),
    dyeing('1713', '棉印染精加工'),
    dyeing('1723', '毛染整精加工'),
    dyeing('1733', '麻染整精加工'),
    dyeing('1743', '丝印染精加工'),
    dyeing('1752', '化纤织物染整精加工'),
    dyeing('1762', '针织或钩针编织物印染精加工'),
    item(
      'R1.4-backward',
      '1910',
      '皮革鞣制加工（制革）：属国家淘汰落后产能重点行业（国发〔2010〕7号），铬鞣废水污染重，' +
        `${platform}不具备承载条件且与功能定位不符，列入淘汰类；既有企业须明确搬迁处置计划（§一(二)）`,
    ),
  ];
}

const OUJIANGKOU: CatalogItemDraft[] = [
  // R1.2 leading: 临港装备制造 (D12: port and handling equipment, offshore engineering equipment — not ships)
  leading(
    '343',
    '瓯江口主导产业：临港装备制造——港口装卸及物料搬运设备（起重机械、生产专用车辆、连续搬运输送设备等），依托港区发展',
  ),
  leading(
    '3737',
    '瓯江口主导产业：临港装备制造——海洋工程装备（海洋平台、海上风电安装及运维装备等）；不属船舶制造，不在产能严重过剩的船舶（3731–3736）之列',
  ),
  // R1.2 leading: 以智能电气为特色的智能装备
  leading(
    '382',
    '瓯江口主导产业：以智能电气为特色的智能装备——输配电及控制设备（变压器、开关控制设备、电力电子元器件等）',
  ),
  leading('381', '瓯江口主导产业：以智能电气为特色的智能装备——电机制造（发电机、电动机、微特电机）'),
  leading('383', '瓯江口主导产业：以智能电气为特色的智能装备——电线、电缆、光缆及电工器材'),
  leading('4011', '瓯江口主导产业：以智能电气为特色的智能装备——工业自动控制系统装置（电气自动化、智能控制）'),
  leading('4012', '瓯江口主导产业：以智能电气为特色的智能装备——电工仪器仪表（智能电表、电力监测仪表等）'),
  // R1.2 leading: 新能源
  leading('3415', '瓯江口主导产业：新能源——风能原动设备（风电机组及关键部件），临港便于大部件运输'),
  leading('3825', '瓯江口主导产业：新能源——光伏设备及元器件'),
  leading('3841', '瓯江口主导产业：新能源——锂离子电池（动力及储能电池）'),
  leading('3842', '瓯江口主导产业：新能源——镍氢电池'),
  leading('3849', '瓯江口主导产业：新能源——其他电池（燃料电池等新型电池）'),
  leading('4415', '瓯江口主导产业：新能源——风力发电（含海上风电）'),
  leading('4416', '瓯江口主导产业：新能源——太阳能发电'),
  // R1.2 supporting: 研发创新、商务办公、总部经济、现代物流、展览展示
  supporting('73', '瓯江口配套现代服务业：研发创新——研究和试验发展'),
  supporting('7540', '瓯江口配套现代服务业：研发创新——创业空间服务（孵化器、众创空间）'),
  supporting('7211', '瓯江口配套现代服务业：总部经济——企业总部管理'),
  supporting('7212', '瓯江口配套现代服务业：总部经济——投资与资产管理'),
  supporting('724', '瓯江口配套现代服务业：商务办公——咨询与调查（会计、审计、税务、市场调查、专业咨询）'),
  supporting('728', '瓯江口配套现代服务业：展览展示——会议、展览及相关服务'),
  supporting('5532', '瓯江口配套现代服务业：现代物流——货运港口'),
  supporting('552', '瓯江口配套现代服务业：现代物流——水上货物运输（远洋、沿海、内河）'),
  supporting('543', '瓯江口配套现代服务业：现代物流——道路货物运输（含冷藏、集装箱运输和城市配送）'),
  supporting('58', '瓯江口配套现代服务业：现代物流——多式联运和运输代理'),
  supporting('5910', '瓯江口配套现代服务业：现代物流——装卸搬运'),
  supporting('5920', '瓯江口配套现代服务业：现代物流——通用仓储'),
  supporting('5930', '瓯江口配套现代服务业：现代物流——低温仓储（冷链）'),
  supporting('7224', '瓯江口配套现代服务业：现代物流——供应链管理服务'),
  // R1.3 misfit: 浙南's leading industries
  misfit(
    '36',
    `汽车制造业（整车含新能源车整车、发动机、改装车、车身挂车、零部件）：浙南产业集聚区主导产业，${MISFIT_TAIL}`,
  ),
  misfit('3962', `智能车载设备制造：浙南产业集聚区主导产业（汽车关键零部件），${MISFIT_TAIL}`),
  misfit('342', `金属加工机械制造（机床等）：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  misfit('344', `泵、阀门、压缩机及类似机械制造：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  misfit('345', `轴承、齿轮和传动部件制造：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  misfit('3525', `模具制造：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  misfit('3544', `制药专用设备制造：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  // R1.3 misfit: 高新区's leading industries
  misfit('27', `医药制造业：温州高新区(浙南科技城)主导产业（生命健康），${MISFIT_TAIL}`),
  misfit('358', `医疗仪器设备及器械制造：温州高新区(浙南科技城)主导产业（生命健康），${MISFIT_TAIL}`),
  misfit(
    '3491',
    `工业机器人制造：温州高新区(浙南科技城)主导产业（智能制造与自动化），亦属浙南智能机械装备方向，${MISFIT_TAIL}`,
  ),
  misfit('3492', `特殊作业机器人制造：温州高新区(浙南科技城)主导产业（智能制造与自动化），${MISFIT_TAIL}`),
  misfit('3493', `增材制造装备制造：温州高新区(浙南科技城)主导产业（智能制造与自动化），${MISFIT_TAIL}`),
  misfit('3914', `工业控制计算机及系统制造：温州高新区(浙南科技城)主导产业（智能制造与自动化），${MISFIT_TAIL}`),
  misfit('3964', `服务消费机器人制造：温州高新区(浙南科技城)主导产业（智能制造与自动化），${MISFIT_TAIL}`),
  misfit('3973', `集成电路制造：温州高新区(浙南科技城)主导产业（智能制造与自动化——电子信息），${MISFIT_TAIL}`),
  misfit('3976', `光电子器件制造：温州高新区(浙南科技城)主导产业（智能制造与自动化——电子信息），${MISFIT_TAIL}`),
  misfit('3982', `电子电路制造：温州高新区(浙南科技城)主导产业（智能制造与自动化——电子信息），${MISFIT_TAIL}`),
  misfit('3983', `敏感元件及传感器制造：温州高新区(浙南科技城)主导产业（智能制造与自动化——电子信息），${MISFIT_TAIL}`),
  ...commonNegativeItems('瓯江口产业集聚区'),
];

const ZHENAN: CatalogItemDraft[] = [
  // R1.2 leading: 汽车整车及关键零部件制造
  leading('361', '浙南主导产业：汽车整车制造（汽柴油车整车、新能源车整车）'),
  leading('3620', '浙南主导产业：汽车整车及关键零部件——汽车用发动机制造'),
  leading('3630', '浙南主导产业：汽车整车及关键零部件——改装汽车制造（专用车）'),
  leading('3650', '浙南主导产业：汽车整车及关键零部件——电车制造'),
  leading('3660', '浙南主导产业：汽车整车及关键零部件——汽车车身、挂车制造'),
  leading('3670', '浙南主导产业：汽车关键零部件——汽车零部件及配件制造'),
  leading('3962', '浙南主导产业：汽车关键零部件——智能车载设备制造（车载智能终端、辅助驾驶等）'),
  leading(
    '3812',
    '浙南主导产业：汽车关键零部件——新能源汽车驱动电机（“三电”之一）；仅限车用驱动电机，其他电动机属瓯江口智能电气方向',
    ['驱动电机', '车用电机', '汽车电机'],
  ),
  leading(
    '3841',
    '浙南主导产业：汽车关键零部件——车用动力电池及电池系统（“三电”之一）；其他锂电池属瓯江口、高新区新能源方向',
    ['动力电池', '车用电池', '汽车电池'],
  ),
  // R1.2 leading: 智能机械装备制造
  leading('342', '浙南主导产业：智能机械装备——金属加工机械（数控机床、成形机床、机床功能部件等）'),
  leading('344', '浙南主导产业：智能机械装备——泵、阀门、压缩机及液压气动元件'),
  leading('345', '浙南主导产业：智能机械装备——轴承、齿轮和传动部件'),
  leading('3491', '浙南主导产业：智能机械装备——工业机器人（与高新区智能制造方向重合，本平台同样鼓励）'),
  leading('3492', '浙南主导产业：智能机械装备——特殊作业机器人（与高新区智能制造方向重合，本平台同样鼓励）'),
  leading('3493', '浙南主导产业：智能机械装备——增材制造装备（与高新区智能制造方向重合，本平台同样鼓励）'),
  leading('3525', '浙南主导产业：智能机械装备——模具制造（汽车模具等）'),
  leading('3544', '浙南主导产业：智能机械装备——制药专用设备'),
  // R1.2 supporting: 现代商贸、现代物流、科技服务、信息服务
  supporting('51', '浙南配套现代服务业：现代商贸——批发业'),
  supporting('52', '浙南配套现代服务业：现代商贸——零售业'),
  supporting('543', '浙南配套现代服务业：现代物流——道路货物运输（含冷藏、集装箱运输和城市配送）'),
  supporting('5442', '浙南配套现代服务业：现代物流——货运枢纽（站）'),
  supporting('58', '浙南配套现代服务业：现代物流——多式联运和运输代理'),
  supporting('5910', '浙南配套现代服务业：现代物流——装卸搬运'),
  supporting('5920', '浙南配套现代服务业：现代物流——通用仓储'),
  supporting('5930', '浙南配套现代服务业：现代物流——低温仓储（冷链）'),
  supporting('6020', '浙南配套现代服务业：现代物流——快递服务'),
  supporting('7224', '浙南配套现代服务业：现代物流——供应链管理服务'),
  supporting('73', '浙南配套现代服务业：科技服务——研究和试验发展'),
  supporting('745', '浙南配套现代服务业：科技服务——质检技术服务（检验检测、计量、认证，如汽车零部件检测）'),
  supporting('7491', '浙南配套现代服务业：科技服务——工业设计服务'),
  supporting('75', '浙南配套现代服务业：科技服务——科技推广和应用服务（技术推广、知识产权、科技中介、创业空间）'),
  supporting('64', '浙南配套现代服务业：信息服务——互联网和相关服务'),
  supporting('65', '浙南配套现代服务业：信息服务——软件和信息技术服务'),
  // R1.3 misfit: 瓯江口's leading industries
  misfit(
    '343',
    `物料搬运设备制造（港口装卸、起重、输送设备等）：瓯江口产业集聚区主导产业（临港装备制造），${MISFIT_TAIL}`,
  ),
  misfit('3737', `海洋工程装备制造：瓯江口产业集聚区主导产业（临港装备制造），${MISFIT_TAIL}`),
  misfit('381', `电机制造：瓯江口产业集聚区主导产业（智能电气）；车用驱动电机另列鼓励类，${MISFIT_TAIL}`),
  misfit('382', `输配电及控制设备制造：瓯江口产业集聚区主导产业（智能电气），${MISFIT_TAIL}`),
  misfit('383', `电线、电缆、光缆及电工器材制造：瓯江口产业集聚区主导产业（智能电气），${MISFIT_TAIL}`),
  misfit(
    '4011',
    `工业自动控制系统装置制造：瓯江口（智能电气）、温州高新区（智能制造与自动化）主导产业，${MISFIT_TAIL}`,
  ),
  misfit('4012', `电工仪器仪表制造：瓯江口产业集聚区主导产业（智能电气），${MISFIT_TAIL}`),
  misfit('3415', `风能原动设备制造：瓯江口产业集聚区主导产业、温州高新区机会产业（新能源），${MISFIT_TAIL}`),
  misfit('3825', `光伏设备及元器件制造：瓯江口产业集聚区主导产业、温州高新区机会产业（新能源），${MISFIT_TAIL}`),
  misfit(
    '384',
    `电池制造：瓯江口产业集聚区主导产业、温州高新区机会产业（新能源）；车用动力电池另列鼓励类，${MISFIT_TAIL}`,
  ),
  // R1.3 misfit: 高新区's leading industries
  misfit('27', `医药制造业：温州高新区(浙南科技城)主导产业（生命健康），${MISFIT_TAIL}`),
  misfit('358', `医疗仪器设备及器械制造：温州高新区(浙南科技城)主导产业（生命健康），${MISFIT_TAIL}`),
  misfit('3914', `工业控制计算机及系统制造：温州高新区(浙南科技城)主导产业（智能制造与自动化），${MISFIT_TAIL}`),
  misfit('3964', `服务消费机器人制造：温州高新区(浙南科技城)主导产业（智能制造与自动化），${MISFIT_TAIL}`),
  misfit('3973', `集成电路制造：温州高新区(浙南科技城)主导产业（智能制造与自动化——电子信息），${MISFIT_TAIL}`),
  misfit('3976', `光电子器件制造：温州高新区(浙南科技城)主导产业（智能制造与自动化——电子信息），${MISFIT_TAIL}`),
  misfit('3982', `电子电路制造：温州高新区(浙南科技城)主导产业（智能制造与自动化——电子信息），${MISFIT_TAIL}`),
  misfit('3983', `敏感元件及传感器制造：温州高新区(浙南科技城)主导产业（智能制造与自动化——电子信息），${MISFIT_TAIL}`),
  ...commonNegativeItems('浙南产业集聚区'),
];

const HITECH: CatalogItemDraft[] = [
  // R1.2 leading: 生命健康
  leading('27', '高新区主导产业：生命健康——医药制造（化学药、中药、生物药品、基因工程药物和疫苗、卫生材料等）'),
  leading('358', '高新区主导产业：生命健康——医疗仪器设备及器械（诊断监护治疗设备、外科器械、康复辅具、眼镜等）'),
  leading('7340', '高新区主导产业：生命健康——医学研究和试验发展'),
  leading('8492', '高新区主导产业：生命健康——临床检验服务（第三方医学检验）'),
  // R1.2 leading: 智能制造与自动化
  leading('3491', '高新区主导产业：智能制造与自动化——工业机器人（与浙南智能机械装备方向重合，本平台同样鼓励）'),
  leading('3492', '高新区主导产业：智能制造与自动化——特殊作业机器人'),
  leading('3493', '高新区主导产业：智能制造与自动化——增材制造（3D打印）装备'),
  leading('4011', '高新区主导产业：智能制造与自动化——工业自动控制系统装置（与瓯江口智能电气方向重合，本平台同样鼓励）'),
  leading('3914', '高新区主导产业：智能制造与自动化——工业控制计算机及系统'),
  leading('3964', '高新区主导产业：智能制造与自动化——服务消费机器人'),
  leading('3973', '高新区主导产业：智能制造与自动化——集成电路制造'),
  leading('3976', '高新区主导产业：智能制造与自动化——光电子器件（激光器件、光通信器件等）'),
  leading('3982', '高新区主导产业：智能制造与自动化——电子电路'),
  leading('3983', '高新区主导产业：智能制造与自动化——敏感元件及传感器'),
  // R1.2 emerging: 新材料 (no single code: keywords narrow the broad classes)
  emerging('283', '高新区机会产业：新材料——生物基材料（生物基化学纤维，生物基、淀粉基新材料）'),
  emerging('3985', '高新区机会产业：新材料——电子专用材料'),
  emerging('3073', '高新区机会产业：新材料——特种陶瓷（结构陶瓷、功能陶瓷）'),
  emerging('3091', '高新区机会产业：新材料——石墨烯、碳纤维及碳/碳复合材料；普通石墨及碳素制品不在鼓励之列', [
    '石墨烯',
    '碳纤维',
    '碳复合材料',
    '碳/碳复合',
  ]),
  emerging('2651', '高新区机会产业：新材料——工程塑料、特种工程塑料及高性能树脂；通用塑料树脂不在鼓励之列', [
    '工程塑料',
    '特种工程塑料',
    '高性能树脂',
  ]),
  emerging('3240', '高新区机会产业：新材料——高性能有色金属合金（高温合金、钛合金、形状记忆合金、非晶合金）', [
    '高温合金',
    '钛合金',
    '形状记忆合金',
    '非晶合金',
  ]),
  // R1.2 emerging: 新能源 (encouraged on 瓯江口 as well, so neither restricts it for the other — D12)
  emerging('3415', '高新区机会产业：新能源——风能原动设备（与瓯江口新能源方向重合，本平台同样鼓励）'),
  emerging('3825', '高新区机会产业：新能源——光伏设备及元器件'),
  emerging('3841', '高新区机会产业：新能源——锂离子电池（与瓯江口新能源方向重合，本平台同样鼓励）'),
  emerging('3842', '高新区机会产业：新能源——镍氢电池'),
  emerging('3849', '高新区机会产业：新能源——其他电池（燃料电池等新型电池）'),
  // R1.2 emerging: 节能环保
  emerging('3591', '高新区机会产业：节能环保——环境保护专用设备'),
  emerging('4021', '高新区机会产业：节能环保——环境监测专用仪器仪表'),
  emerging('772', '高新区机会产业：节能环保——环境治理服务（水、大气、固废、土壤污染治理）'),
  // R1.2 supporting: 现代服务业（科创、科技金融）
  supporting('73', '高新区配套现代服务业：科创服务——研究和试验发展'),
  supporting('745', '高新区配套现代服务业：科创服务——质检技术服务（检验检测、计量、认证）'),
  supporting('7491', '高新区配套现代服务业：科创服务——工业设计服务'),
  supporting(
    '75',
    '高新区配套现代服务业：科创服务——科技推广和应用服务（含新材料、节能、新能源、环保技术推广，知识产权，科技中介，孵化器）',
  ),
  supporting('64', '高新区配套现代服务业：信息服务——互联网和相关服务'),
  supporting('65', '高新区配套现代服务业：信息服务——软件和信息技术服务（含集成电路设计）'),
  supporting('6731', '高新区配套现代服务业：科技金融——创业投资基金'),
  supporting('6732', '高新区配套现代服务业：科技金融——天使投资'),
  // R1.3 misfit: 浙南's leading industries
  misfit(
    '36',
    `汽车制造业（整车含新能源车整车、发动机、改装车、车身挂车、零部件）：浙南产业集聚区主导产业，${MISFIT_TAIL}`,
  ),
  misfit('3962', `智能车载设备制造：浙南产业集聚区主导产业（汽车关键零部件），${MISFIT_TAIL}`),
  misfit('342', `金属加工机械制造（机床等）：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  misfit('344', `泵、阀门、压缩机及类似机械制造：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  misfit('345', `轴承、齿轮和传动部件制造：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  misfit('3525', `模具制造：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  misfit('3544', `制药专用设备制造：浙南产业集聚区主导产业（智能机械装备），${MISFIT_TAIL}`),
  // R1.3 misfit: 瓯江口's leading industries (新能源 and industrial automation excepted: encouraged here too)
  misfit(
    '343',
    `物料搬运设备制造（港口装卸、起重、输送设备等）：瓯江口产业集聚区主导产业（临港装备制造），${MISFIT_TAIL}`,
  ),
  misfit('3737', `海洋工程装备制造：瓯江口产业集聚区主导产业（临港装备制造），${MISFIT_TAIL}`),
  misfit('381', `电机制造：瓯江口产业集聚区主导产业（智能电气），${MISFIT_TAIL}`),
  misfit('382', `输配电及控制设备制造：瓯江口产业集聚区主导产业（智能电气）；光伏设备3825另列鼓励类，${MISFIT_TAIL}`),
  misfit('383', `电线、电缆、光缆及电工器材制造：瓯江口产业集聚区主导产业（智能电气），${MISFIT_TAIL}`),
  misfit('4012', `电工仪器仪表制造：瓯江口产业集聚区主导产业（智能电气），${MISFIT_TAIL}`),
  ...commonNegativeItems('温州高新区(浙南科技城)'),
];

/** The 2018年本 catalog of each platform, in the order a civil servant reads it: encouraged, restricted, eliminated. */
export const CATALOG_2018: Record<PlatformKey, CatalogItemDraft[]> = {
  oujiangkou: OUJIANGKOU,
  zhenan: ZHENAN,
  hitech: HITECH,
};

import type { PlatformKey } from '@pgs/domain';

/**
 * The demo ledger's projects per platform: a name, an investor and the GB/T 4754 class that fits them, each
 * encouraged in that platform's 2018 catalog (D11), so the ledger reads like a real one (issue #9: "industry
 * codes that fit their names"). A test checks every code is encouraged where it is listed.
 * Entry k of a list stops at the k-th target stage; 浙南's robot project (also encouraged at 高新区) sits where the
 * pipeline is open, so the demo circulation has one to move.
 */
export type DemoProject = { name: string; investor: string; industryCode: string };

export const DEMO_PROJECTS: Record<PlatformKey, DemoProject[]> = {
  oujiangkou: [
    { name: '海上风电装备制造基地', investor: '温州明阳海上风电装备有限公司', industryCode: '3415' },
    { name: '海洋工程装备总装项目', investor: '温州瓯洋海工装备有限公司', industryCode: '3737' },
    { name: '高效光伏组件产业园', investor: '温州正泰新能源科技有限公司', industryCode: '3825' },
    { name: '动力锂电池及储能电池项目', investor: '温州瑞浦能源有限公司', industryCode: '3841' },
    { name: '智能电气控制系统项目', investor: '温州德力西电气有限公司', industryCode: '4011' },
    { name: '智能电表与电工仪表生产线', investor: '温州天正电气有限公司', industryCode: '4012' },
    { name: '港口通用仓储中心', investor: '温州瓯江口港航物流有限公司', industryCode: '5920' },
    { name: '冷链物流低温仓储项目', investor: '温州冷链物流有限公司', industryCode: '5930' },
    { name: '新能源企业区域总部', investor: '温州人民电器集团有限公司', industryCode: '7211' },
    { name: '临港供应链管理服务中心', investor: '温州华峰供应链管理有限公司', industryCode: '7224' },
  ],
  zhenan: [
    { name: '新能源汽车发动机生产基地', investor: '温州长城汽车动力有限公司', industryCode: '3620' },
    { name: '专用车改装制造项目', investor: '温州瑞立专用车有限公司', industryCode: '3630' },
    { name: '纯电动客车整车项目', investor: '温州吉利电动客车有限公司', industryCode: '3650' },
    { name: '轻量化汽车车身项目', investor: '温州华峰汽车部件有限公司', industryCode: '3660' },
    { name: '汽车制动系统零部件项目', investor: '温州瑞立汽车零部件有限公司', industryCode: '3670' },
    { name: '工业机器人整机项目', investor: '温州奥康智能装备有限公司', industryCode: '3491' },
    { name: '智能车载终端项目', investor: '温州瑞明智能车载设备有限公司', industryCode: '3962' },
    { name: '金属增材制造装备项目', investor: '温州宏丰智能装备有限公司', industryCode: '3493' },
    { name: '精密汽车模具项目', investor: '温州森马精密模具有限公司', industryCode: '3525' },
    { name: '电商快递分拨中心', investor: '温州浙南快递服务有限公司', industryCode: '6020' },
  ],
  hitech: [
    { name: '生物医药研发中心', investor: '温州医科生物技术有限公司', industryCode: '7340' },
    { name: '第三方医学检验实验室', investor: '温州迪安医学检验有限公司', industryCode: '8492' },
    { name: '协作机器人研发生产项目', investor: '温州正泰机器人有限公司', industryCode: '3491' },
    { name: '功率半导体芯片项目', investor: '温州瓯芯集成电路有限公司', industryCode: '3973' },
    { name: '激光与光电子器件项目', investor: '温州光电子科技有限公司', industryCode: '3976' },
    { name: '智能传感器生产线', investor: '温州敏感元件科技有限公司', industryCode: '3983' },
    { name: '电子专用新材料项目', investor: '温州华峰电子材料有限公司', industryCode: '3985' },
    { name: '特种陶瓷新材料项目', investor: '温州精陶新材料科技有限公司', industryCode: '3073' },
    { name: '固态锂电池中试项目', investor: '温州瑞浦新能源科技有限公司', industryCode: '3841' },
    { name: '环保专用设备制造项目', investor: '温州节能环保装备有限公司', industryCode: '3591' },
  ],
};

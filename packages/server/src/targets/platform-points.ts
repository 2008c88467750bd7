import type { PlatformKey } from '@pgs/domain';

/**
 * Where the Wenzhou map draws each platform: a district and an approximate point (longitude, latitude). These are
 * settings, not rules: the platforms' exact outlines are data an administrator will set once the land module keeps
 * parcels (STACK.md "Map data"); until then the map says it is a schematic (示意图).
 */
export const PLATFORM_POINTS: Record<PlatformKey, { district: string; point: [number, number] }> = {
  oujiangkou: { district: '龙湾区（灵昆）与洞头区', point: [120.9, 27.96] },
  zhenan: { district: '龙湾区（滨海园区）', point: [120.83, 27.86] },
  hitech: { district: '龙湾区与瓯海区（浙南科技城）', point: [120.72, 27.98] },
};

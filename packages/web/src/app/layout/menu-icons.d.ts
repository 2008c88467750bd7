/** The side menu's icon drawings, one module each, made by the build from @ant-design/icons-svg (vite.config.ts). */
declare module 'pgs-menu-icon:*' {
  import type { IconDefinition } from '@ant-design/icons-svg/es/types';

  const drawing: IconDefinition;
  export default drawing;
}

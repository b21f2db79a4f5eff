import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const domainEntry = fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url));

// The web imports the shared domain package from source, so schemas and permission rules are
// never stale; its `.js` specifiers are resolved to the `.ts` files by Vite's TS-aware resolver.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@sht\/domain$/, replacement: domainEntry }],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // React rarely changes, so it gets its own long-cached chunk; ECharts is loaded only with
        // the dashboard chart. antd is left to automatic splitting: the login page then loads only
        // the components it uses (≈330 kB gzip at first load instead of ≈500 kB with one antd chunk).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});

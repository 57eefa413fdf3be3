import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console's server (services/ops-console/src) serves this build and proxies /api and
// /config.json; `vite` in development proxies the same paths to a running console server.
const consoleServer = process.env.OPS_CONSOLE_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../../../dist/services/ops-console/web'),
    emptyOutDir: true,
    sourcemap: true,
    // React, Mantine, TanStack Query, the router, i18next, the OIDC client and the queue page are one
    // ~680 kB chunk (210 kB gzip); the other pages and the charting library load when first opened.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': consoleServer, '/config.json': consoleServer },
  },
});

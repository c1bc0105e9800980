import { defineConfig } from 'vite';

// Served by the gateway at /console/ (static files; CSP: no inline script, no eval, nothing from elsewhere).
export default defineConfig({
  base: '/console/',
  build: {
    outDir: 'target/classes/kczg-console',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: process.env.KCZG_GATEWAY_URL
      ? { '/api': process.env.KCZG_GATEWAY_URL, '/console/config.json': process.env.KCZG_GATEWAY_URL }
      : undefined,
  },
});

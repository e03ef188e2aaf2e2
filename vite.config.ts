import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The staff web app. The API server serves dist/web in production and in the e2e tests;
// in development `vite` serves src/web and forwards /api to a running server.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  resolve: {
    // dkfds exports only its script; its CSS, fonts and icons are reached through this alias.
    alias: { '@dkfds': fileURLToPath(new URL('./node_modules/dkfds/dist', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3100',
    },
  },
});

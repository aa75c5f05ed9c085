import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// The dev server stands in for Relais at :3000. WebSocket upgrades check Origin, so run the
// server with RELAIS_PUBLIC_URL=http://localhost:5173 while developing the console.
const relais = 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The CSP allows only same-origin files: never inline assets as data: URIs.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': { target: relais, ws: true },
      '/healthz': { target: relais },
    },
  },
});

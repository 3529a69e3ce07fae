import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version?: string;
};

/** Where `npm run dev` forwards server routes; override with PLANTINTEL_API_URL. */
const apiTarget = process.env.PLANTINTEL_API_URL ?? 'http://127.0.0.1:8080';

const forward: ProxyOptions = { target: apiTarget, changeOrigin: false };

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version ?? '0.0.0'),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': forward,
      '/health': forward,
      '/ready': forward,
      '/metrics': forward,
      '/openapi.json': forward,
      '/docs': forward,
      '/ws': { ...forward, ws: true },
    },
  },
});

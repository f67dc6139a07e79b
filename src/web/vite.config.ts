import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
/** Where `vite` (dev server) forwards API calls; the built app is served by `inquiry serve` itself. */
const api = process.env['INQUIRY_DEV_API'] ?? 'http://127.0.0.1:8765';

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: resolve(here, '../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/api': api,
      '^/-/.*\\.json$': api,
      '^/sources/[^/]+\\.json$': api,
      '^/(search|sources|entities|curation|reuse|works|evidence|claims|conflicts|events|timeline)\\.json': api,
      '^/(entities|graph|reuse|works|evidence|claims|conflicts)/[^/]+\\.json': api,
    },
  },
});

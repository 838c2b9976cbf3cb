import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Three pages, one bundle graph: the facilitator app, the projector view, and the phones' page.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'renderer/index.html'),
        projector: resolve(import.meta.dirname, 'renderer/projector.html'),
        // The participant page for phones; the host serves only it (and its assets) on the network.
        join: resolve(import.meta.dirname, 'renderer/join.html'),
      },
    },
  },
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
});

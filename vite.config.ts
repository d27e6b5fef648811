// `npm start`: the demo page (demo/) with the reference backend at /api/register.
// `npm run build`: the library build, dist/hik-register.js plus lazy chunks.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { referenceBackend } from './backend/vite-plugin.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: here('./demo'),
        server: { host: 'localhost', port: 5173, fs: { allow: [here('.')] } },
        plugins: [referenceBackend()],
      }
    : {
        build: {
          outDir: here('./dist'),
          emptyOutDir: true,
          target: 'es2022',
          minify: true,
          sourcemap: false,
          lib: {
            entry: here('./src/hik-register.ts'),
            formats: ['es'],
            fileName: () => 'hik-register.js',
          },
          rollupOptions: {
            output: { chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
      },
);

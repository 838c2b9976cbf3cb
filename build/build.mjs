// Builds everything the app runs: the host (Node), the Electron shell and preload, and the renderer.
// Each output is only rebuilt when a source it depends on is newer, so `npm run web` starts fast.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

function newestMtime(paths) {
  let newest = 0;
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(full)) {
        if (entry === 'node_modules') continue;
        newest = Math.max(newest, newestMtime([join(path, entry)]));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

function stale(output, inputs) {
  if (force) return true;
  const out = join(root, output);
  return !existsSync(out) || statSync(out).mtimeMs < newestMtime([...inputs, 'package.json', 'build/build.mjs']);
}

/**
 * `import … from 'node:http'` in an ES module makes Node read every export of http once, and one of
 * them loads its bundled fetch (undici): ~40 ms of the host's start. Through require it does not.
 */
const httpThroughRequire = {
  name: 'http-through-require',
  setup(build) {
    build.onResolve({ filter: /^node:https?$/ }, (args) =>
      args.namespace === 'http-through-require' ? { path: args.path, external: true } : { path: args.path, namespace: 'http-through-require' },
    );
    build.onLoad({ filter: /.*/, namespace: 'http-through-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

const nodeBundle = {
  bundle: true,
  plugins: [httpThroughRequire],
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Native and optional modules stay outside the bundle and load from node_modules at run time.
  external: ['better-sqlite3', 'electron', 'bufferutil', 'utf-8-validate'],
};

export async function buildAll() {
  const jobs = [];
  // esbuild and Vite load only when something is out of date: `npm run web` starts without them.
  const esbuild = async (options) => (await import('esbuild')).build(options);
  const hostOutputs = ['dist/host/main.mjs', 'dist/host/cli.mjs', 'dist/host/export-worker.mjs'];
  if (hostOutputs.some((output) => stale(output, ['electron/host', 'shared']))) {
    rmSync(join(root, 'dist/host'), { recursive: true, force: true });
    jobs.push(
      esbuild({
        ...nodeBundle,
        format: 'esm',
        // The export worker is its own entry: the host starts it as a thread from beside main.mjs.
        entryPoints: {
          main: join(root, 'electron/host/main.ts'),
          cli: join(root, 'electron/host/cli.ts'),
          'export-worker': join(root, 'electron/host/jobs/worker.ts'),
        },
        outdir: join(root, 'dist/host'),
        outExtension: { '.js': '.mjs' },
        // The export code (pdfkit, fonts) goes into chunks loaded on the first export, so the host starts fast.
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        // ESM bundles need a real require for the CommonJS dependencies they inline.
        banner: { js: "import { createRequire as __eilandRequire } from 'node:module'; const require = __eilandRequire(import.meta.url);" },
      }),
    );
  }
  if (existsSync(join(root, 'electron/shell/main.ts')) && stale('dist/electron/shell.cjs', ['electron/shell', 'shared'])) {
    jobs.push(
      esbuild({ ...nodeBundle, format: 'cjs', entryPoints: [join(root, 'electron/shell/main.ts')], outfile: join(root, 'dist/electron/shell.cjs') }),
      esbuild({ ...nodeBundle, format: 'cjs', entryPoints: [join(root, 'electron/shell/preload.ts')], outfile: join(root, 'dist/electron/preload.cjs') }),
    );
  }
  if (stale('dist/renderer/index.html', ['renderer', 'shared', 'assets', 'vite.config.ts'])) {
    const { build: viteBuild } = await import('vite');
    jobs.push(viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' }));
  }
  await Promise.all(jobs);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}

/**
 * End to end: the npm package as an integrator meets it. The package is built and
 * packed into a temporary folder, the tarball installed into a throwaway app (its
 * dependencies from the npm cache and registry, as usual), and then the app:
 * typechecks a strict `.ts` file and a React 19 `.tsx` file that use the package's
 * types (bundler and NodeNext resolution), imports the package in Node without a DOM,
 * builds with Vite, and registers an account in Chromium against the reference backend.
 * Run: node --import tsx --test e2e/package.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { buildPackage } from '../scripts/build-package.ts';
import { serveNvr, type Nvr } from '../demo/offline/serve.ts';
import { openPage, uniqueUser, type Demo } from './harness.ts';
import { codeSentBy, registerByEmail } from './flow.ts';
import { APP_FILES } from './package-app.ts';

// As in harness.ts: scripts/ is plain JavaScript, typed here.
const { findChromium, CHROMIUM_ARGS }: { findChromium(): string; CHROMIUM_ARGS: string[] } =
  await import(new URL('../scripts/find-chromium.mjs', import.meta.url).href);
const root = fileURLToPath(new URL('..', import.meta.url));
const ourPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const installed = (name: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

interface PackResult { filename: string; size: number; unpackedSize: number; files: { path: string }[] }

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const tsc = (project: string, cwd: string) =>
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd, encoding: 'utf8' });

describe('the npm package, installed into a fresh app', { timeout: 600_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'hik-package-'));
  const pkg = join(tmp, 'package');
  const app = join(tmp, 'app');
  let packed: PackResult;

  before(async () => {
    mkdirSync(pkg);
    for (const file of ['package.json', 'README.md']) copyFileSync(join(root, file), join(pkg, file));
    await buildPackage(join(pkg, 'dist'));
    // --ignore-scripts: prepack would build again, into the copy's dist/ it already has.
    [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], pkg)) as PackResult[];
    mkdirSync(app);
    for (const [path, text] of Object.entries(APP_FILES)) {
      mkdirSync(join(app, path, '..'), { recursive: true });
      writeFileSync(join(app, path), text);
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({
      name: 'consumer-app', private: true, type: 'module',
      dependencies: {
        [ourPackage.name]: `file:${join(tmp, packed!.filename)}`,
        // Only their types are used: React 19's JSX and Vue 3's GlobalComponents.
        '@types/react': installed('@types/react'),
        vue: installed('vue'),
      },
    }, null, 2));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('the tarball holds the declarations, the manifest and the contract, and no sources', () => {
    const files = packed.files.map((f) => f.path);
    for (const wanted of [
      'dist/index.js', 'dist/hik-register.js', 'dist/hik-register.d.ts', 'dist/node.js', 'dist/jsx.d.ts', 'dist/react.d.ts',
      'dist/vue.d.ts', 'dist/contract/contract.js', 'dist/contract/contract.d.ts',
      'dist/contract/SendCodeRequest.schema.json', 'dist/contract/index.json', 'dist/custom-elements.json',
      'dist/ssr/index.js', 'dist/ssr/index.d.ts', 'dist/hik-register.css', 'dist/cli.js',
    ]) assert.ok(files.includes(wanted), `${wanted} is not in the tarball`);
    const stray = files.filter((f) => /^(src|test|stories|demo|backend|e2e|scripts|xliff)\//.test(f) || f.endsWith('.map'));
    assert.deepEqual(stray, [], 'sources, tests or source maps in the tarball');
    const installedPackage = JSON.parse(readFileSync(join(app, 'node_modules', ourPackage.name, 'package.json'), 'utf8')) as { customElements?: string };
    assert.ok(installedPackage.customElements && files.includes(installedPackage.customElements),
      `package.json "customElements" (${installedPackage.customElements}) names no file of the tarball`);
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', ourPackage.name, 'dist/custom-elements.json'), 'utf8')) as {
      modules: { path: string; declarations: { tagName?: string; attributes?: { name: string }[]; members?: { name: string; privacy?: string }[] }[] }[];
    };
    const elements = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.tagName));
    assert.deepEqual(elements.map((d) => d.tagName), ['hik-register'], 'the manifest lists other elements than the public one');
    assert.deepEqual(manifest.modules.map((m) => m.path), ['dist/index.js']);
    const element = elements[0]!;
    assert.ok(element.attributes?.some((a) => a.name === 'terms-url'), 'the manifest lacks the terms-url attribute');
    assert.deepEqual(element.members?.filter((m) => m.privacy || m.name.startsWith('#')), [], 'private members in the manifest');
    const core = readFileSync(join(app, 'node_modules', ourPackage.name, 'dist/hik-register.js'), 'utf8');
    assert.ok(core.startsWith('//# allFunctionsCalledOnLoad\n'), 'the core lacks its compile hint (scripts/vite-compile-hints.ts)');
    console.log(`# tarball ${packed.filename}: ${packed.size} B packed, ${packed.unpackedSize} B unpacked, ${files.length} files`);
  });

  for (const config of ['tsconfig.json', 'tsconfig.nodenext.json']) {
    it(`a strict app typechecks against the package's types (${config})`, () => {
      const r = tsc(config, app);
      assert.equal(r.status, 0, `tsc -p ${config} failed:\n${r.stdout}${r.stderr}`);
    });
  }

  it('without the declarations the same app does not typecheck', () => {
    const types = join(app, 'node_modules', ourPackage.name, 'dist', 'hik-register.d.ts');
    const kept = readFileSync(types);
    rmSync(types);
    try {
      const r = tsc('tsconfig.json', app);
      assert.notEqual(r.status, 0, 'tsc passed with dist/hik-register.d.ts missing: the app would not notice');
      assert.match(r.stdout, /TS7016|TS2307/, 'tsc failed, but not for the missing declarations');
    } finally {
      writeFileSync(types, kept);
    }
  });

  it('imports in Node without a DOM: nothing thrown, nothing defined; the contract pulls in no Lit', () => {
    const out = execFileSync(process.execPath, ['--import', './record-imports.mjs', 'node-import.mjs'], { cwd: app, encoding: 'utf8' });
    const report = JSON.parse(out) as { customElements: string; HikRegister: string; parsed: boolean; schemas: number; loaded: string[] };
    assert.equal(report.customElements, 'undefined', 'importing the package defined customElements in Node');
    assert.equal(report.HikRegister, 'undefined');
    assert.equal(report.parsed, true, 'the contract module did not parse a valid request');
    assert.ok(report.schemas >= 11, `the JSON Schema index lists ${report.schemas} schemas`);
    assert.ok(report.loaded.some((url) => url.endsWith('/dist/contract/contract.js')), 'the import recorder saw no contract module');
    assert.ok(report.loaded.some((url) => url.includes('/node_modules/zod/')), 'the contract module did not load zod');
    const browserCode = report.loaded.filter((url) => /\/node_modules\/(lit|@lit|lit-html|lit-element)\/|\/dist\/(hik-register\.js|chunks\/)/.test(url));
    assert.deepEqual(browserCode, [], 'importing hik-register/contract loaded browser code');
  });

  it('pre-renders in Node (hik-register/ssr) and on the command line (npx hik-register render), the same markup', () => {
    const html = execFileSync(process.execPath, ['ssr-render.mjs'], { cwd: app, encoding: 'utf8' });
    assert.match(html, /^<hik-register [^>]*locale="de"[^>]*><template shadowroot="open" shadowrootmode="open"><link rel="stylesheet" href="\/vendor\/hik-register\/hik-register.css">/);
    assert.match(html, />Benutzername</, 'the first screen is not in German');
    assert.doesNotMatch(html, /<style|style=/, 'inline styles: the strict CSP refuses them');
    const cli = run('npx', ['--no-install', 'hik-register', 'render', '--locale', 'de', '--endpoint', '/api/register', '--assets', '/vendor/hik-register/'], app);
    assert.equal(cli.trim(), html.trim());
    const css = readFileSync(join(app, 'node_modules', ourPackage.name, 'dist/hik-register.css'), 'utf8');
    assert.match(css, /^:host\{/, 'dist/hik-register.css does not hold the element\'s styles');
  });

  it('builds with Vite and registers an account in Chromium', { timeout: 120_000 }, async () => {
    await build({ root: app, configFile: false, logLevel: 'error', build: { outDir: join(app, 'dist'), emptyOutDir: true } });
    const nvr: Nvr = await serveNvr(join(app, 'dist'), 0, undefined, false);
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    const demo: Demo = { base: nvr.base, browser, close: async () => undefined };
    const s = await openPage(demo);
    try {
      const { page } = s;
      await page.goto(nvr.base);
      const user = uniqueUser();
      const success = await registerByEmail(page, user, codeSentBy(nvr.outbox));
      assert.equal(success.username, user.username);
      // The app's own typed listener (src/page.ts) wrote what it heard.
      await page.locator('#welcome').getByText(`Welcome, ${user.username}`).waitFor()
        .catch(() => { throw new Error('the app did not show its typed hik-register-success handler ran'); });
      // The app's bundler found every language's files and every calling code's phone
      // metadata through the package's entry (a computed path would 404 here).
      await page.goto(nvr.base);
      const w = page.locator('hik-register');
      await page.evaluate(() => document.querySelector('hik-register')!.setAttribute('locale', 'de'));
      await w.getByRole('textbox', { name: 'Benutzername', exact: true }).waitFor({ timeout: 10_000 })
        .catch(() => { throw new Error('the Vite-built app did not load the German strings'); });
      await w.getByRole('button', { name: /^Land/ }).click();
      const dialog = w.getByRole('dialog', { name: 'Land auswählen' });
      await dialog.getByRole('searchbox', { name: 'Suchen' }).fill('vereinigtes');
      await dialog.getByRole('option', { name: 'Vereinigtes Königreich', exact: true }).click();
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await w.getByRole('radio', { name: /Mobil/ }).click();
      const phone = w.getByRole('textbox', { name: /Mobil/ });
      await phone.pressSequentially('07400123456');
      await page.waitForFunction(() => {
        const input = document.querySelector('hik-register')!.shadowRoot!.querySelector<HTMLInputElement>('input[type=tel]');
        return input?.value === '07400 123456';
      }, null, { timeout: 10_000 }).catch(() => { throw new Error('the Vite-built app did not format a UK number (no phone metadata?)'); });
      await s.assertClean('the Vite-built app');
    } finally {
      await s.close();
      await browser.close();
      await new Promise((resolve) => nvr.server.close(resolve));
    }
  });
});

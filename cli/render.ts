// `npx hik-register render --locale de --endpoint /api/register --assets /vendor/hik-register/ > signup.html`
// Prints renderRegister()'s HTML (hik-register/ssr) for static pages and firmware builds:
// `<hik-register …>` with its first screen pre-rendered. Every attribute of ELEMENT.md is
// an option of the same name (--terms-url /terms, --country GB …); --attr name=value adds
// any other (id, class, data-*).
import type { RenderOptions } from '../src/ssr/render-register.ts';

const USAGE = 'Usage: hik-register render [--locale de] [--endpoint /api/register] [--assets /vendor/hik-register/] [--<attribute> value …] [--attr name=value …]';

type Render = (options: RenderOptions) => Promise<string>;

/**
 * The package's built module (this command is the chunk dist/cli/render-….js, so
 * dist/ssr/ is one folder up); this repository's source when run with tsx.
 */
async function loadRender(): Promise<Render> {
  const built = !import.meta.url.endsWith('.ts');
  const url = new URL(built ? '../ssr/index.js' : '../src/ssr/render-register.ts', import.meta.url);
  const module = (await import(url.href)) as { renderRegister: Render };
  return module.renderRegister;
}

export function parseRenderArgs(args: string[]): RenderOptions {
  const attributes: Record<string, string> = {};
  let assets: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=') && arg.startsWith('--') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!flag.startsWith('--') || flag.length < 3) throw new Error(`Unexpected argument "${arg}".`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value.`);
    const name = flag.slice(2);
    if (name === 'assets') assets = value;
    else if (name === 'attr') {
      const eq = value.indexOf('=');
      if (eq < 1) throw new Error(`--attr takes name=value, not "${value}".`);
      attributes[value.slice(0, eq)] = value.slice(eq + 1);
    } else attributes[name] = value;
  }
  return { attributes, ...(assets === undefined ? {} : { assets }) };
}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  try {
    const options = parseRenderArgs(args);
    const render = await loadRender();
    process.stdout.write(`${await render(options)}\n`);
    return 0;
  } catch (error) {
    console.error(`hik-register render: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
}

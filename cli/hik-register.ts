// `npx hik-register <command>`: the package's command line.
//   render  prints the pre-rendered <hik-register> for a static page (cli/render.ts)
//   check   checks a running backend against CONTRACT.md (cli/check/)
// Each command is its own module, loaded only when it runs.
export {};
const USAGE = `Usage:
  hik-register render [--locale de] [--endpoint /api/register] [--assets /vendor/hik-register/] [--attr name=value …]
  hik-register check <endpoint> [--origin https://dealer.example] [--code-command "…"] [--quick] [--json]`;

const [command, ...args] = process.argv.slice(2);
if (command === 'render') {
  const { main } = await import('./render.ts');
  process.exitCode = await main(args);
} else if (command === 'check') {
  const { main } = await import('./check/main.ts');
  process.exitCode = await main(args);
} else {
  console.error(command === undefined || command === '--help' ? USAGE : `Unknown command "${command}".\n${USAGE}`);
  process.exitCode = command === '--help' ? 0 : 2;
}

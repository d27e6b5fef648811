// `hik-register check <endpoint>`: black-box checks of a running backend against
// the widget's backend contract (CONTRACT.md), over HTTP only. See args.ts for
// the options and catalogue.ts for every check.
import { USAGE, UsageError, parseOptions } from './args.ts';
import { counts, json, text } from './report.ts';
import { runChecks } from './run.ts';

export async function main(args: string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const run = await runChecks(options);
  process.stdout.write(`${options.json ? json(options, run) : text(options, run)}\n`);
  return counts(run).failed > 0 || run.stopped ? 1 : 0;
}

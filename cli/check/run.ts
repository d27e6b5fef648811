// The order of the run: what needs no code first, then the signup, then CORS, then
// the rules over every response seen.
import type { Options } from './args.ts';
import { Captchas } from './captcha.ts';
import { captchaChecks, imageAnswerCheck } from './captcha-checks.ts';
import { CHECKS } from './catalogue.ts';
import { codeSource } from './codes.ts';
import type { Context } from './context.ts';
import { attemptsFlow, registerFlow } from './flow-checks.ts';
import { Http, NetworkError } from './http.ts';
import { pictureReader } from './picture.ts';
import { identity } from './identity.ts';
import { sendFieldChecks, unknownIdChecks, usernameCheck } from './request-checks.ts';
import { preflightCheck, responseChecks } from './response-checks.ts';
import { Results, type Result } from './results.ts';

export interface Run {
  results: Result[];
  /** How codes were read, or why they were not. */
  codes: string;
  /** Set when the server stopped answering: the run ended there. */
  stopped?: string;
}

export async function runChecks(options: Options): Promise<Run> {
  const http = new Http(options);
  const results = new Results();
  const codes = codeSource(options.codeCommand, options.quick);
  const ctx: Context = { options, http, results, captchas: new Captchas(http, pictureReader(options.captchaCommand)), codes };
  const needCode = CHECKS.filter((k) => 'code' in k && k.code).map((k) => k.id);
  let stopped: string | undefined;
  try {
    await captchaChecks(ctx);
    await usernameCheck(ctx, identity(options).username, true);
    await sendFieldChecks(ctx);
    await unknownIdChecks(ctx);
    if (options.quick) {
      results.skipRest(needCode, 'not checked: --quick sends no code');
    } else {
      await imageAnswerCheck(ctx);
      if (codes) {
        await registerFlow(ctx, codes);
        await attemptsFlow(ctx, codes);
      } else {
        results.skipRest(needCode, 'not checked: no code source (give --code-command "…", or run it in a terminal to type the codes)');
      }
    }
    await preflightCheck(ctx);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    stopped = error.message;
  }
  responseChecks(ctx);
  const label = options.quick ? 'none (--quick)' : codes ? codes.label : 'none';
  return { results: results.verdicts(), codes: label, ...(stopped ? { stopped } : {}) };
}

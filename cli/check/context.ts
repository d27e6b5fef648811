// What every group of checks works with.
import type { Options } from './args.ts';
import type { Captchas } from './captcha.ts';
import type { CodeSource } from './codes.ts';
import type { Http } from './http.ts';
import type { Results } from './results.ts';

export interface Context {
  options: Options;
  http: Http;
  results: Results;
  captchas: Captchas;
  codes: CodeSource | undefined;
}

export function sleep(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

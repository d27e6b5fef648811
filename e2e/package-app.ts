/**
 * The throwaway app of e2e/package.test.ts, file by file: what an integrator writes.
 * The `.ts` and `.tsx` files are type tests as much as code: `Is<…>` and
 * `@ts-expect-error` make a wrong or missing type fail `tsc`, and `IsAny` catches the
 * implicit `any` of a package without declarations.
 */

const TSCONFIG = (module: string, resolution: string) => JSON.stringify({
  compilerOptions: {
    target: 'ES2022', module, moduleResolution: resolution, lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: false, types: [],
    noUnusedLocals: false, isolatedModules: true,
  },
  include: ['src'],
}, null, 2);

const TYPE_HELPERS = `type IsAny<T> = 0 extends 1 & T ? true : false;
type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
`;

export const APP_FILES: Record<string, string> = {
  'tsconfig.json': TSCONFIG('ESNext', 'bundler'),
  'tsconfig.nodenext.json': TSCONFIG('NodeNext', 'NodeNext'),

  'index.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Consumer app</title>
    <script type="module" src="/src/page.ts"></script>
  </head>
  <body>
    <main>
      <hik-register endpoint="/api/register" captcha="pow" terms-url="/terms"></hik-register>
      <p id="welcome" role="status"></p>
    </main>
  </body>
</html>
`,

  // The page's script, as the README's example: typed listener, no cast.
  'src/page.ts': `import 'hik-register';

const widget = document.querySelector('hik-register');
widget?.addEventListener('hik-register-success', (event) => {
  const welcome = document.getElementById('welcome');
  if (welcome) welcome.textContent = \`Welcome, \${event.detail.username}\`;
});
`,

  'src/types.ts': `import 'hik-register';
import type {
  HikRegister, HikRegisterEventMap, RegisterSuccessDetail, RegisterErrorDetail, CountryChangeDetail,
  CodeSentDetail, StepChangeDetail, ChannelChangeDetail, Step, Channel, Session, ErrorCode, CaptchaMode,
} from 'hik-register';
${TYPE_HELPERS}
const el = document.createElement('hik-register');
export const tagMap: Is<typeof el, HikRegister> = true;
export const notAny: IsAny<HikRegister> = false;

el.endpoint = '/api/register';
el.locale = 'de';
el.headers = { 'X-CSRF-Token': 'token' };
el.timeout = 20_000;
el.captcha = 'pow';
el.fetch = (input, init) => fetch(input, init);
el.captchaToken = { provider: 'turnstile', token: 't' };
export const captchaMode: Is<HikRegister['captcha'], CaptchaMode> = true;
export const step: Is<HikRegister['step'], Step> = true;
// @ts-expect-error: not a captcha mode
el.captcha = 'recaptcha';
// @ts-expect-error: headers are strings
el.headers = { 'X-Count': 1 };

el.addEventListener('hik-register-success', (e) => {
  const detailNotAny: IsAny<typeof e.detail> = false;
  const detail: Is<typeof e.detail, RegisterSuccessDetail> = true;
  const userId: string = e.detail.userId;
  const session: Is<typeof e.detail.session, Session | undefined> = true;
  const channel: Is<typeof e.detail.channel, Channel> = true;
  void [detailNotAny, detail, userId, session, channel];
});
el.addEventListener('hik-country-change', (e) => {
  const callingCode: Is<typeof e.detail.callingCode, string | null> = true;
  const detail: Is<typeof e.detail, CountryChangeDetail> = true;
  void [callingCode, detail];
});
el.addEventListener('hik-register-error', (e) => {
  const detail: Is<typeof e.detail, RegisterErrorDetail> = true;
  const code: Is<typeof e.detail.code, ErrorCode> = true;
  const field: Is<typeof e.detail.field, string | undefined> = true;
  void [detail, code, field];
});
el.addEventListener('hik-code-sent', (e) => { const d: Is<typeof e.detail, CodeSentDetail> = true; void d; });
el.addEventListener('hik-step-change', (e) => { const d: Is<typeof e.detail, StepChangeDetail> = true; void d; });
el.addEventListener('hik-channel-change', (e) => { const d: Is<typeof e.detail, ChannelChangeDetail> = true; void d; });
// The document hears them too: they bubble and are composed.
document.addEventListener('hik-register-success', (e) => void e.detail.username);
export const events: Is<keyof HikRegisterEventMap,
  'hik-country-change' | 'hik-channel-change' | 'hik-step-change' | 'hik-code-sent' | 'hik-register-success' | 'hik-register-error'> = true;

// Internal events and children are not part of the public types.
// @ts-expect-error: hik-code-submit is internal, so its listener gets a plain Event
el.addEventListener('hik-code-submit', (e) => e.detail);
const child = document.querySelector('hik-captcha');
export const noChildType: Is<typeof child, Element | null> = true;
`,

  'src/app.tsx': `import type {} from 'hik-register/react';
import type { RegisterSuccessDetail } from 'hik-register';

export function Signup({ onDone }: { onDone: (detail: RegisterSuccessDetail) => void }) {
  return (
    <hik-register
      endpoint="/api/register"
      locale="de"
      terms-url="/terms"
      termsUrl="/terms"
      captcha="pow"
      className="signup"
      headers={{ 'X-CSRF-Token': 'token' }}
      onhik-register-success={(e) => onDone(e.detail)}
      onhik-country-change={(e) => { const code: string | null = e.detail.callingCode; void code; }}
    />
  );
}

// @ts-expect-error: headers is an object of strings
export const wrongHeaders = <hik-register headers="X-CSRF-Token: token" />;
// @ts-expect-error: not a captcha mode
export const wrongCaptcha = <hik-register captcha="recaptcha" />;
// @ts-expect-error: the detail has no such field
export const wrongDetail = <hik-register onhik-register-success={(e) => e.detail.password} />;
`,

  'src/vue.ts': `import type {} from 'hik-register/vue';
import type { GlobalComponents } from 'vue';

type Props = InstanceType<GlobalComponents['hik-register']>['$props'];
export const props: Props = {
  endpoint: '/api/register',
  'terms-url': '/terms',
  onHikRegisterSuccess: (e) => void e.detail.userId,
};
// @ts-expect-error: timeout is a number
export const wrong: Props = { timeout: 'soon' };
`,

  // A dealer's TypeScript backend: the contract's schemas and types.
  'src/backend.ts': `import { SendCodeRequest, CreateAccountRequest, ErrorBody, SERVER_ERROR_CODES, RULES } from 'hik-register/contract';
import type { CodeSent, ServerErrorCode } from 'hik-register/contract';

export function readSendCode(body: unknown) {
  const parsed = SendCodeRequest.safeParse(body);
  if (!parsed.success) return null;
  const request = parsed.data;
  return request.channel === 'email' ? request.email : request.phone;
}
export const reply: CodeSent = { requestId: 'r_1', channel: 'email', destination: 'a***@example.com', codeLength: 6, expiresIn: 600, resendAfter: 60 };
export const codes: readonly ServerErrorCode[] = SERVER_ERROR_CODES;
export const longest: number = RULES.usernameMax;
export const schemas = [CreateAccountRequest, ErrorBody];
`,

  // Node without a DOM, as a server-rendering framework imports the package.
  // A server (or a build step) pre-renders the form: typed options, a string back.
  'src/ssr.ts': `import { renderRegister } from 'hik-register/ssr';

export const html: Promise<string> = renderRegister({ attributes: { endpoint: '/api/register', locale: 'de' }, assets: '/vendor/hik-register/' });
// @ts-expect-error: renderRegister takes attributes by name, not a string
void renderRegister('<hik-register>');
`,

  'ssr-render.mjs': `import { renderRegister } from 'hik-register/ssr';
process.stdout.write(await renderRegister({ attributes: { endpoint: '/api/register', locale: 'de' }, assets: '/vendor/hik-register/' }));
`,

  'node-import.mjs': `import { readFile } from 'node:fs/promises';
import { loaded } from './record-imports.mjs';

const element = await import('hik-register');
const contract = await import('hik-register/contract');
const parsed = contract.SendCodeRequest.safeParse({
  username: 'dealer_01', country: 'GB', channel: 'email', email: 'ann@example.com', locale: 'en',
  captcha: { kind: 'image', captchaId: 'c_1', answer: 'X7KQ' },
}).success;
const index = JSON.parse(await readFile(new URL(import.meta.resolve('hik-register/contract/index.json')), 'utf8'));
// The hook's last messages cross threads: let them arrive.
await new Promise((resolve) => setTimeout(resolve, 100));
console.log(JSON.stringify({
  customElements: typeof globalThis.customElements,
  HikRegister: typeof element.HikRegister,
  parsed,
  schemas: Object.keys(index.schemas).length,
  loaded: loaded(),
}));
`,

  // Records every module Node loads (a resolve hook on the loader thread, reported back).
  'record-imports.mjs': `import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const urls = [];
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => urls.push(url));
port1.unref();
register('./record-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
export const loaded = () => [...urls];
`,
  'record-hooks.mjs': `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  port.postMessage(result.url);
  return result;
}
`,
};

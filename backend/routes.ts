import { CaptchaKind, CreateAccountRequest, RULES, ResendCodeRequest, SendCodeRequest } from '../src/contract.ts';
import { normalizeUsername, usernameProblem } from '../src/rules.ts';
import { createAccount, isUsernameAvailable, openSession, takenError, takenParts } from './accounts.ts';
import { claimChallenge, issueChallenge, verifyCaptcha, type Claimed } from './captcha.ts';
import { bindingMismatch, checkCodeFresh, destinationKey, liveRequest, openRequest, redeemCode, resendCode, type Target } from './codes.ts';
import { HttpError, invalidField } from './errors.ts';
import { json, readJson } from './http.ts';
import type { Env } from './options.ts';
import { passwordProblem } from './password.ts';
import { hit } from './rate-limit.ts';
import { parseBody } from './validate.ts';

export interface Call {
  env: Env;
  request: Request;
  url: URL;
  client: string;
  /** Path parameters captured by the route. */
  params: string[];
}

type Handler = (call: Call) => Promise<Response>;

export const ROUTES: Array<{ pattern: RegExp; methods: Partial<Record<'GET' | 'POST', Handler>> }> = [
  { pattern: /^\/captcha$/, methods: { GET: getCaptcha } },
  { pattern: /^\/usernames\/([^/]+)$/, methods: { GET: getUsername } },
  { pattern: /^\/verification-codes$/, methods: { POST: sendCode } },
  { pattern: /^\/verification-codes\/([^/]+)\/resend$/, methods: { POST: resend } },
  { pattern: /^\/accounts$/, methods: { POST: signUp } },
];

function notFound(message = 'Not found.'): HttpError {
  return new HttpError(404, 'not_found', message);
}

async function getCaptcha({ env, url }: Call): Promise<Response> {
  const kind = CaptchaKind.options.find((k) => k === url.searchParams.get('kind'));
  if (!kind || !env.settings.captchaKinds.includes(kind)) throw notFound('This captcha kind is not offered.');
  return json(200, await issueChallenge(env, kind));
}

async function getUsername({ env, params }: Call): Promise<Response> {
  if (!env.settings.usernameCheck) throw notFound();
  let name: string;
  try {
    name = normalizeUsername(decodeURIComponent(params[0] ?? ''));
  } catch {
    throw invalidField('username', 'Invalid value for username.');
  }
  if (usernameProblem(name) !== null) throw invalidField('username', 'Invalid value for username.');
  return json(200, { available: await isUsernameAvailable(env, name) });
}

async function sendCode({ env, request, client }: Call): Promise<Response> {
  const { settings, store, clock } = env;
  // Every call counts and uses up its challenge, whatever is refused after.
  let raw: unknown;
  let unreadable: unknown;
  try {
    raw = await readJson(request, settings.maxBodyBytes);
  } catch (error) {
    unreadable = error;
  }
  const claimed: Claimed = unreadable ? { record: undefined } : await claimChallenge(env, raw);
  await hit(store, `send:${client}`, settings.rateLimits.sendPerAddress, clock.now());
  if (unreadable) throw unreadable;

  const body = parseBody(SendCodeRequest, raw);
  // The schema lets `captcha` out for widgets with captcha="none"; this server decides.
  if (body.captcha) await verifyCaptcha(env, body.captcha, claimed);
  else if (settings.requireCaptcha) throw invalidField('captcha', 'A captcha answer is required.');
  const destination = body.channel === 'email' ? body.email : body.phone;
  const taken = await takenParts(env, body.channel === 'email'
    ? { username: body.username, email: body.email }
    : { username: body.username, phone: body.phone });
  const [first] = taken;
  if (first === 'username') throw takenError('username');
  if (first && settings.revealTaken) throw takenError(first);
  await hit(store, destinationKey(body.channel, destination), settings.rateLimits.destination, clock.now());
  const target: Target = { username: body.username, country: body.country, channel: body.channel, destination, locale: body.locale };
  return json(201, await openRequest(env, target, first !== undefined));
}

async function resend({ env, request, params }: Call): Promise<Response> {
  parseBody(ResendCodeRequest, await readJson(request, env.settings.maxBodyBytes));
  const id = params[0] ?? '';
  if (!RULES.idPattern.test(id)) {
    throw new HttpError(410, 'request_expired', 'This verification request has expired. Start again.', { field: 'requestId' });
  }
  return json(200, await resendCode(env, id));
}

async function signUp({ env, request }: Call): Promise<Response> {
  const body = parseBody(CreateAccountRequest, await readJson(request, env.settings.maxBodyBytes));
  const destination = body.channel === 'email' ? body.email : body.phone;
  const pending = await liveRequest(env, body.requestId);
  const sent: Target = { username: body.username, country: body.country, channel: body.channel, destination, locale: body.locale };
  const differs = bindingMismatch(pending, sent);
  if (differs) {
    const field = differs === 'destination' ? (body.channel === 'email' ? 'email' : 'phone') : differs;
    throw invalidField(field, `The ${field} is not the one the code was sent for.`);
  }
  checkCodeFresh(env, pending);
  // Before the code, so a weak password neither uses an attempt nor the code.
  const weak = passwordProblem(body.password, body.username);
  if (weak) throw new HttpError(422, 'password_weak', weak, { field: 'password' });
  await redeemCode(env, pending, body.code);
  const account = await createAccount(env, {
    username: body.username,
    country: body.country,
    channel: body.channel,
    ...(body.channel === 'email' ? { email: body.email } : { phone: body.phone }),
    password: body.password,
  });
  const session = await openSession(env, account.userId);
  return json(201, { userId: account.userId, username: account.username, session });
}

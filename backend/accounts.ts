import type { Channel } from '../src/contract.ts';
import { HttpError } from './errors.ts';
import { emailKey, usernameKey } from './identity.ts';
import type { Env } from './options.ts';
import { randomId, sha256Hex, toBase64Url, randomBytes } from './random.ts';
import { put, putIfAbsent, take } from './store.ts';

export interface Account {
  userId: string;
  username: string;
  country: string;
  channel: Channel;
  email?: string;
  phone?: string;
  passwordHash: string;
  createdAt: number;
}

export interface Identity {
  username: string;
  email?: string;
  phone?: string;
}

type Unique = 'username' | 'email' | 'phone';

/** Keys in the `unique` collection: one per name, email and phone, pointing at the owner. */
function uniqueKeys(who: Identity): Array<[Unique, string]> {
  const keys: Array<[Unique, string]> = [['username', `username:${usernameKey(who.username)}`]];
  if (who.email !== undefined) keys.push(['email', `email:${emailKey(who.email)}`]);
  if (who.phone !== undefined) keys.push(['phone', `phone:${who.phone}`]);
  return keys;
}

/** Which of the identity's parts already belong to an account, in field order. */
export async function takenParts(env: Env, who: Identity): Promise<Unique[]> {
  const taken: Unique[] = [];
  for (const [part, key] of uniqueKeys(who)) {
    if ((await env.store.get('unique', key)) !== undefined) taken.push(part);
  }
  return taken;
}

export function takenError(part: Unique): HttpError {
  const text = {
    username: 'This user name is already taken.',
    email: 'An account with this email address already exists.',
    phone: 'An account with this mobile phone number already exists.',
  }[part];
  return new HttpError(409, `${part}_taken`, text, { field: part });
}

export async function isUsernameAvailable(env: Env, username: string): Promise<boolean> {
  return (await takenParts(env, { username })).length === 0;
}

/**
 * Claims the name, email and phone one by one (each claim atomic) and rolls the
 * claims back if another account got one first: two racing sign-ups cannot both win.
 */
export async function createAccount(env: Env, data: Omit<Account, 'userId' | 'passwordHash' | 'createdAt'> & { password: string }): Promise<Account> {
  const { password, ...profile } = data;
  // Hashed before claiming, so a failure here leaves no claim behind.
  const passwordHash = await env.hasher.hash(password);
  const userId = randomId('u');
  const claimed: string[] = [];
  for (const [part, key] of uniqueKeys(data)) {
    if (!(await putIfAbsent(env.store, 'unique', key, { userId }))) {
      for (const k of claimed) await take(env.store, 'unique', k);
      throw takenError(part);
    }
    claimed.push(key);
  }
  const account: Account = {
    ...profile,
    userId,
    passwordHash,
    createdAt: env.clock.now(),
  };
  await put(env.store, 'account', userId, account);
  return account;
}

/** A bearer token; the store keeps only its hash. */
export async function openSession(env: Env, userId: string): Promise<{ token: string; expiresIn: number }> {
  const token = toBase64Url(randomBytes(32));
  const expiresIn = env.settings.sessionExpiresIn;
  await put(env.store, 'session', await sha256Hex(token), { userId, expiresAt: env.clock.now() + expiresIn * 1000 });
  return { token, expiresIn };
}

// The plain types of src/rules.ts (what the element's public declarations use) and
// the zod schemas of src/contract.ts describe the same values, and so do the browser's
// response schemas (src/client/responses.ts) and the contract's. The checks are types:
// `npm test`'s typecheck fails if one side changes alone; the test below only makes
// sure the schemas still accept and refuse what the types say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { Channel, Session } from '../../src/contract.ts';
import type * as contract from '../../src/contract.ts';
import type * as browser from '../../src/client/responses.ts';
import type { Channel as ChannelName, Session as SessionFields } from '../../src/rules.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsAgree: Same<z.infer<typeof Channel>, ChannelName> = true;
const sessionsAgree: Same<z.infer<typeof Session>, SessionFields> = true;

// The browser's response schemas (src/client/responses.ts) give the contract's types;
// test/node/contract-browser.test.ts checks that they accept and refuse the same values.
type Agree<K extends keyof typeof browser & keyof typeof contract> =
  Same<z.infer<(typeof browser)[K]>, z.infer<(typeof contract)[K]>>;
const responsesAgree: [
  Agree<'ErrorBody'>, Agree<'ImageChallenge'>, Agree<'PowChallenge'>, Agree<'UsernameAvailability'>, Agree<'CodeSent'>,
  Agree<'AccountCreated'>,
] = [true, true, true, true, true, true];

test('Channel and Session: the schemas take what the plain types describe', () => {
  assert.ok(channelsAgree && sessionsAgree && responsesAgree.every(Boolean));
  const channels: ChannelName[] = ['email', 'sms'];
  for (const channel of channels) assert.equal(Channel.safeParse(channel).success, true);
  assert.equal(Channel.safeParse('fax').success, false);
  const session: SessionFields = { token: 't', expiresIn: 3600 };
  assert.deepEqual(Session.parse(session), session);
  assert.equal(Session.safeParse({ token: 't' }).success, false);
});

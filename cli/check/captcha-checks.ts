// GET captcha and how POST verification-codes treats challenges, with no code sent.
import type { Context } from './context.ts';
import { sleep } from './context.ts';
import { summary } from './http.ts';
import { identity, sendBody } from './identity.ts';

const CAPTCHA_REFUSED = { status: [400, 410], codes: ['captcha_expired', 'captcha_invalid'], field: 'captcha' };

export async function captchaChecks({ http, results, captchas, options }: Context): Promise<void> {
  await captchas.probe();
  const kinds = http.exchanges.filter((e) => e.route === 'captcha');
  const odd = kinds.filter((e) => e.status !== 200 && e.status !== 404);
  if (odd.length) results.fail('captcha-kinds', '200 (offered) or 404 (not offered) for each kind', odd.map((e) => `${e.path}: ${summary(e)}`).join(', '));
  else if (!captchas.offered.image && !captchas.offered.pow) results.fail('captcha-kinds', 'at least one kind offered (200)', '404 for both');
  else results.pass('captcha-kinds', `image ${captchas.offered.image ? 'offered' : 'not offered'}, pow ${captchas.offered.pow ? 'offered' : 'not offered'}`);

  const why = captchas.unsolvable;
  const needAnswer = ['captcha-wrong-answer', 'captcha-single-use', 'captcha-expiry'] as const;
  if (why) results.skipRest(needAnswer, `not checked: ${why}`);

  // An id nobody issued: the widget loads a new challenge either way.
  const never = await http.post('send', '/verification-codes', {
    ...sendBody(identity(options, 'email')),
    captcha: { kind: captchas.offered.pow || !captchas.offered.image ? 'pow' : 'image', captchaId: 'c_hikcheck_never_issued', answer: captchas.offered.pow ? 1 : 'ABCD' },
  });
  results.refusal('captcha-unknown', never, CAPTCHA_REFUSED);
  if (why) return;

  const wrong = await captchas.wrong();
  if (wrong) {
    const reply = await http.post('send', '/verification-codes', { ...sendBody(identity(options, 'email')), captcha: wrong });
    results.refusal('captcha-wrong-answer', reply, { status: 400, codes: ['captcha_invalid'], field: 'captcha' });
  }

  // Used by a refused call (a user name the rules refuse), then offered again with a valid body.
  const used = await captchas.solved();
  if (used) {
    await http.post('send', '/verification-codes', { ...sendBody(identity(options, 'email')), username: '1x', captcha: used.answer });
    const again = await http.post('send', '/verification-codes', { ...sendBody(identity(options, 'email')), captcha: used.answer });
    results.refusal('captcha-single-use', again, CAPTCHA_REFUSED, 'after a refused call');
  }

  const expiring = await captchas.solved();
  if (!expiring) return;
  if (expiring.expiresIn + 1 > options.maxWait) {
    results.skip('captcha-expiry', `not waited for: challenges live ${expiring.expiresIn} s, more than --wait ${options.maxWait}`);
    return;
  }
  await sleep(expiring.expiresIn + 1);
  const late = await http.post('send', '/verification-codes', { ...sendBody(identity(options, 'email')), captcha: expiring.answer });
  results.refusal('captcha-expiry', late, { status: 410, codes: ['captcha_expired'], field: 'captcha' }, `after ${expiring.expiresIn + 1} s`);
}

/**
 * The widget upper-cases what the user types (CONTRACT.md, GET captcha): whatever case
 * the picture shows, that must pass. Sends a code, so not with --quick.
 */
export async function imageAnswerCheck({ http, results, captchas, options }: Context): Promise<void> {
  if (!captchas.offered.image) {
    results.skip('captcha-image-answer', 'not offered: the server has no picture captcha');
    return;
  }
  if (!captchas.reader) {
    results.skip('captcha-image-answer', 'not checked: nobody reads the picture (give --captcha-command "…", or run it in a terminal)');
    return;
  }
  const read = await captchas.image();
  if (!read) {
    results.skip('captcha-image-answer', `not checked: no characters came from ${captchas.reader.label}`);
    return;
  }
  const reply = await http.post('send', '/verification-codes', { ...sendBody(identity(options)), captcha: read.answer });
  // The answer itself is not printed: no captcha answer in a log.
  results.success('captcha-image-answer', reply, 201, `the characters read by ${captchas.reader.label}, upper-cased`);
}

import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HikRegister } from '../src/hik-register.ts';
import { $, fillForm, finish, resetBackend, until } from './helpers.ts';

// The proof-of-work solver is loaded only when the proof of work is shown: a
// registration with the picture (the default) never fetches it. The test runner
// serves every source module as a file of its own, so the page's resource timing
// lists the modules it fetched. The element is imported only once the buffer has
// room (a page keeps 250 entries by default, and the test tools alone fill it).
const SOLVER = /\/src\/captcha\/(pow-solve-controller|pow-worker|pow)\.ts$/;
const fetched = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);

async function mount(): Promise<HikRegister> {
  sessionStorage.clear();
  const reg = document.createElement('hik-register') as HikRegister;
  reg.setAttribute('endpoint', '/api/register');
  const el = await fixture<HikRegister>(reg);
  await until(() => el.shadowRoot!.querySelector('hik-captcha img'), 'the picture is shown');
  await until(() => el.shadowRoot!.querySelector('hik-captcha input[type=checkbox]:not([inert] *)'), 'the choice is shown');
  return el;
}

const statusText = (el: HikRegister) => el.shadowRoot!.querySelector('hik-captcha [role=status]')?.textContent?.trim();

describe('<hik-captcha> loads the proof of work when it is first shown', () => {
  before(async () => {
    performance.setResourceTimingBufferSize(10_000);
    await import('../src/hik-register.ts');
  });
  beforeEach(() => resetBackend({ captchaKinds: ['image', 'pow'] }));

  // Runs first: the next test loads the solver into this page.
  it('a registration with the picture never loads the solver, though proof of work is offered', async function () {
    this.timeout(20000);
    const el = await mount();
    await fillForm(el, { username: 'picture_user', email: 'picture@example.com' });
    const { detail } = await finish(el);
    expect(detail.username).to.equal('picture_user');
    expect(fetched(), 'the page sees the modules it fetched').to.satisfy((paths: string[]) =>
      paths.some((path) => path.endsWith('/src/captcha/hik-captcha.ts')));
    expect(fetched().filter((path) => SOLVER.test(path))).to.deep.equal([]);
  });

  it('"Verify without typing", chosen with the keyboard, shows "Checking your browser…" at once, then solves', async function () {
    this.timeout(20000);
    const el = await mount();
    const captcha = $(el, 'hik-captcha') as HTMLElement & { solved: boolean; updateComplete: Promise<boolean> };
    await fillForm(el, { username: 'switch_user', email: 'switch@example.com', captcha: false });
    ($(el, 'hik-captcha input[type=checkbox]') as HTMLInputElement).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await captcha.updateComplete;
    // The working state, never a blank, while the solver's module is on its way.
    expect(statusText(el)).to.equal('Checking your browser…');
    expect(captcha.querySelector('progress'), 'the progress bar').to.exist;
    expect(captcha.querySelector('input[name=captcha]'), 'the picture field is gone').to.equal(null);
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement, 'focus stays on the choice').to.equal($(el, 'hik-captcha input[type=checkbox]'));

    await until(() => captcha.solved, 'the puzzle is solved', 8000);
    await captcha.updateComplete;
    expect(statusText(el)).to.equal('Verified');
    expect(fetched().filter((path) => SOLVER.test(path)).length, 'the solver was loaded now').to.be.greaterThan(0);
    const { detail } = await finish(el);
    expect(detail.username).to.equal('switch_user');
  });
});

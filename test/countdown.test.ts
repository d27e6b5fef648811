import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { CountdownController } from '../src/internal/countdown-controller.ts';
import { formatDuration, formatSeconds } from '../src/internal/durations.ts';

/** A host that counts its renders and shows the seconds left. */
class CountdownHost extends LitElement {
  deadline: number | null = null;
  now: () => number = Date.now;
  renders = 0;
  readonly countdown = new CountdownController(this, {
    deadlines: () => [this.deadline],
    now: () => this.now(),
  });
  protected override render() {
    this.renders += 1;
    return html`${this.countdown.secondsLeft(this.deadline)}`;
  }
}
customElements.define('countdown-host', CountdownHost);

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CountdownController', () => {
  it('re-renders its host every second while the deadline lies ahead, then stops', async () => {
    const el = await fixture<CountdownHost>(html`<countdown-host></countdown-host>`);
    el.deadline = Date.now() + 1_300;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.contain('2');
    expect(el.countdown.running).to.equal(true);
    const before = el.renders;

    // Waits for the controller to stop by itself (generous timeout: the CPU is shared).
    await waitUntil(() => !el.countdown.running, 'the countdown did not stop', { timeout: 5_000 });
    // Ticks at the whole-second boundaries: about 300 ms and 1300 ms from now.
    expect(el.renders - before).to.be.within(2, 3);
    expect(el.shadowRoot?.textContent).to.contain('0');
    expect(el.countdown.running).to.equal(false);

    const after = el.renders;
    await wait(1_100);
    expect(el.renders).to.equal(after);
  });

  it('does nothing without a deadline ahead', async () => {
    const el = await fixture<CountdownHost>(html`<countdown-host></countdown-host>`);
    el.deadline = Date.now() - 5_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.countdown.running).to.equal(false);
    expect(el.shadowRoot?.textContent).to.contain('0');
  });

  it('stops when the host is disconnected', async () => {
    const el = await fixture<CountdownHost>(html`<countdown-host></countdown-host>`);
    el.deadline = Date.now() + 10_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.countdown.running).to.equal(true);
    el.remove();
    expect(el.countdown.running).to.equal(false);
  });

  it('rounds the seconds left up, using the given clock', async () => {
    const el = await fixture<CountdownHost>(html`<countdown-host></countdown-host>`);
    el.now = () => 10_000;
    expect(el.countdown.secondsLeft(51_001)).to.equal(42);
    expect(el.countdown.secondsLeft(51_000)).to.equal(41);
    expect(el.countdown.secondsLeft(9_000)).to.equal(0);
    expect(el.countdown.secondsLeft(null)).to.equal(0);
  });
});

describe('format', () => {
  it('formats seconds and durations with Intl', () => {
    expect(formatSeconds(42, 'en')).to.equal('42 seconds');
    expect(formatSeconds(1, 'en')).to.equal('1 second');
    expect(formatDuration(581, 'en')).to.equal('9 minutes, 41 seconds');
    expect(formatDuration(600, 'en')).to.equal('10 minutes');
    expect(formatSeconds(42, 'de')).to.equal('42 Sekunden');
  });
});

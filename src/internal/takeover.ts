/**
 * Taking over the form a server pre-rendered (hik-register/ssr) into a declarative
 * shadow root. That form stays on screen, and usable, until the element's first render
 * is ready (its language loaded: `ready`) and the browser has shown the served form
 * (`painted`: the script must not make it lose its paint, nor make one long task of its
 * own evaluation and the takeover). Then, in one go and before the browser paints
 * again, what the person did to it is read (text typed, boxes ticked, the way chosen,
 * focus and selection), the root is emptied, the element renders (`connect`), and all
 * of it is put back through the same events typing makes.
 *
 * Both forms come from the same templates, so their inputs match one to one, in order.
 * Only inputs the person changed are put back: the others are the element's to set.
 */
interface Saved {
  /** The inputs the person changed (their index among the form's inputs), as they left them. */
  inputs: { i: number; type: string; name: string; value: string; checked: boolean }[];
  focus: number;
  selection: [number | null, number | null];
}

type Host = HTMLElement & { updateComplete: Promise<boolean> };

const isChoice = (type: string) => type === 'checkbox' || type === 'radio';
const inputsOf = (root: ParentNode) => [...root.querySelectorAll('input')];
const focusablesOf = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('input,button,a[href],[tabindex]')];

export async function takeOver(root: ShadowRoot, ready: Promise<unknown>, connect: () => void): Promise<void> {
  await Promise.all([ready.catch(() => undefined), painted(root.host)]);
  const active = root.activeElement;
  const saved: Saved = {
    // Only what differs from the server's markup: the rest is the element's to decide.
    inputs: inputsOf(root).flatMap(({ type, name, value, checked, defaultValue, defaultChecked }, i) =>
      (isChoice(type) ? checked !== defaultChecked : value !== defaultValue) ? [{ i, type, name, value, checked }] : []),
    focus: active ? focusablesOf(root).indexOf(active as HTMLElement) : -1,
    selection: active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] : [null, null],
  };
  root.replaceChildren();
  connect();
  await settled(root);
  const inputs = inputsOf(root);
  saved.inputs.forEach((s) => {
    const input = inputs[s.i];
    if (!input || input.type !== s.type || input.name !== s.name) return;
    if (isChoice(input.type)) {
      if (input.checked !== s.checked) input.click();
    } else if (input.value !== s.value) {
      input.value = s.value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
  });
  await settled(root);
  const focused = focusablesOf(root)[saved.focus];
  focused?.focus();
  if (focused instanceof HTMLInputElement && saved.selection[0] !== null) {
    try {
      focused.setSelectionRange(saved.selection[0], saved.selection[1]);
    } catch {
      // An input without a text selection (a checkbox).
    }
  }
}

/**
 * Waits until the browser has shown the served form: it reports the form's paint as the
 * page's Largest Contentful Paint (an entry from a shadow root names no element). A form
 * replaced before its paint is reported never counts, and the page's largest paint would
 * then wait for the script. At most 500 ms: the form may not be the page's largest
 * content, and a browser may not report the entry type at all.
 */
const painted = (host: Element) => new Promise((resolve) => {
  new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => [null, host].includes((e as LargestContentfulPaint).element))) resolve(0);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(resolve, 500);
});

/** The host's render and its children's, done. */
async function settled(root: ShadowRoot): Promise<void> {
  await (root.host as Host).updateComplete;
  await Promise.all([...root.querySelectorAll<Host>('hik-contact-toggle,hik-captcha')].map((e) => e.updateComplete));
}

// The demo page's own script: the widget, the dev outbox and an event log.
// Everything is rendered with textContent: nothing from the server becomes HTML.
import type { HikRegister } from '../src/hik-register.ts';

const widget = document.querySelector('hik-register') as HikRegister;
const controls = document.getElementById('controls') as HTMLFormElement;
// ?captcha=pow, ?theme=dark, ?locale=…, ?channel=sms: set before the element upgrades.
const params = new URLSearchParams(location.search);
for (const name of ['captcha', 'theme', 'locale', 'channel', 'country']) {
  const value = params.get(name);
  if (value) widget.setAttribute(name, value);
}
// The controls show what the URL chose.
for (const select of controls.querySelectorAll('select')) {
  const value = widget.getAttribute(select.name);
  if (value) select.value = value;
}
await import('../src/hik-register.ts');
const outbox = document.getElementById('outbox') as HTMLOListElement;
const events = document.getElementById('events') as HTMLOListElement;

controls.addEventListener('change', () => {
  const data = new FormData(controls);
  // Attributes take any text (an invalid one falls back with a warning); the typed
  // properties take only the values the element knows.
  widget.setAttribute('theme', String(data.get('theme')));
  widget.setAttribute('captcha', String(data.get('captcha')));
});

for (const type of [
  'hik-country-change', 'hik-channel-change', 'hik-step-change', 'hik-code-sent',
  'hik-register-success', 'hik-register-error',
] as const) {
  widget.addEventListener(type, (e) => {
    const li = document.createElement('li');
    li.textContent = `${type} ${JSON.stringify(e.detail)}`;
    events.prepend(li);
  });
}

interface OutboxMessage { channel: string; to: string; code?: string; kind?: string; at: number }

async function pollOutbox(): Promise<void> {
  try {
    const res = await fetch('/__dev/outbox', { headers: { Accept: 'application/json' } });
    if (res.ok) {
      const { messages } = (await res.json()) as { messages: OutboxMessage[] };
      outbox.replaceChildren(
        ...messages.map((m) => {
          const li = document.createElement('li');
          const when = new Date(m.at).toLocaleTimeString();
          li.textContent = m.code
            ? `${when} ${m.channel} to ${m.to}: code ${m.code}`
            : `${when} ${m.channel} to ${m.to}: ${m.kind ?? 'notice'}`;
          return li;
        }),
      );
    }
  } catch {
    // The dev server is restarting: try again on the next tick.
  }
  setTimeout(pollOutbox, 1500);
}
void pollOutbox();

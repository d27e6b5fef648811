/**
 * React 19 hosting <hik-register>. React 19 treats a tag with a hyphen as a custom
 * element: a prop whose name is a property of the element is set as that property
 * (so `headers` gets the object, not "[object Object]"), other props become
 * attributes, and a prop `on<event-name>` adds a listener for exactly `<event-name>`.
 * Written with createElement so that it needs no JSX transform; in JSX it reads
 * <hik-register endpoint="/api/register" onhik-register-success={…} />.
 */
import { createElement as h, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ChannelChangeDetail, CountryChangeDetail, RegisterSuccessDetail } from '../../src/events.ts';

// Defined before the first render: React checks `name in element` to choose
// between property and attribute, and only a defined element has `headers`.
// In an app this is `import 'hik-register';`.
await import('../../src/hik-register.ts');

const locale = new URLSearchParams(location.search).get('locale') ?? 'en';

function App() {
  const [events, setEvents] = useState<string[]>([]);
  const [username, setUsername] = useState<string | null>(null);
  const log = (e: Event) => {
    const { type, detail } = e as CustomEvent<CountryChangeDetail | ChannelChangeDetail>;
    setEvents((list) => [`${type} ${JSON.stringify(detail)}`, ...list]);
  };
  return h('main', null,
    h('section', { 'aria-label': 'Registration' },
      h('hik-register', {
        endpoint: '/api/register',
        locale,
        captcha: 'pow',
        'terms-url': '../terms.html',
        headers: { 'X-Demo-Framework': 'react' },
        'onhik-country-change': log,
        'onhik-channel-change': log,
        'onhik-register-success': (e: Event) =>
          setUsername((e as CustomEvent<RegisterSuccessDetail>).detail.username),
      })),
    h('aside', null,
      h('section', { className: 'panel', 'aria-labelledby': 'result-title' },
        h('h2', { id: 'result-title' }, 'Signed up'),
        h('p', { role: 'status', id: 'result' }, username ? `Welcome, ${username}` : 'Nobody yet')),
      h('section', { className: 'panel', 'aria-labelledby': 'events-title' },
        h('h2', { id: 'events-title' }, 'Events'),
        h('ol', { id: 'events' }, events.map((text, i) => h('li', { key: events.length - i }, text))))));
}

createRoot(document.getElementById('root')!).render(h(StrictMode, null, h(App)));

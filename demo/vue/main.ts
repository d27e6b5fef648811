/**
 * Vue 3 hosting <hik-register>, with render functions: Vue's default build has no
 * template compiler, and the runtime compiler needs 'unsafe-eval', which the strict
 * CSP forbids. With a build step (Vite + @vitejs/plugin-vue), the same in a template
 * is <hik-register endpoint="/api/register" :headers.prop="headers"
 * @hik-register-success="onSuccess" />, with
 * `compilerOptions.isCustomElement = (tag) => tag.startsWith('hik-')`.
 */
import { createApp, defineComponent, h, ref } from 'vue';
import type { ChannelChangeDetail, CountryChangeDetail, RegisterSuccessDetail } from '../../src/events.ts';

// In an app: `import 'hik-register';`.
await import('../../src/hik-register.ts');

const locale = new URLSearchParams(location.search).get('locale') ?? 'en';

const App = defineComponent(() => {
  const events = ref<string[]>([]);
  const username = ref<string | null>(null);
  const log = (e: Event) => {
    const { type, detail } = e as CustomEvent<CountryChangeDetail | ChannelChangeDetail>;
    events.value = [`${type} ${JSON.stringify(detail)}`, ...events.value];
  };
  return () => h('main', [
    h('section', { 'aria-label': 'Registration' }, [
      h('hik-register', {
        endpoint: '/api/register',
        locale,
        captcha: 'pow',
        'terms-url': '../terms.html',
        // `.` forces a DOM property: an object must not become an attribute.
        '.headers': { 'X-Demo-Framework': 'vue' },
        // Vue turns `onX-y` into a listener for `x-y`; the event name keeps its hyphens.
        'onHik-country-change': log,
        'onHik-channel-change': log,
        'onHik-register-success': (e: Event) => {
          username.value = (e as CustomEvent<RegisterSuccessDetail>).detail.username;
        },
      }),
    ]),
    h('aside', [
      h('section', { class: 'panel', 'aria-labelledby': 'result-title' }, [
        h('h2', { id: 'result-title' }, 'Signed up'),
        h('p', { role: 'status', id: 'result' }, username.value ? `Welcome, ${username.value}` : 'Nobody yet'),
      ]),
      h('section', { class: 'panel', 'aria-labelledby': 'events-title' }, [
        h('h2', { id: 'events-title' }, 'Events'),
        h('ol', { id: 'events' }, events.value.map((text) => h('li', text))),
      ]),
    ]),
  ]);
});

createApp(App).mount('#app');

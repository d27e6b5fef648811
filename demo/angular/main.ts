/**
 * Angular hosting <hik-register>: a standalone component, zoneless, compiled just
 * in time in the browser (this repository has no Angular CLI; an app built with
 * `ng build` compiles ahead of time and needs none of the relaxed policy below).
 * CUSTOM_ELEMENTS_SCHEMA lets the template use the unknown tag; `[headers]` sets
 * the property; `(hik-register-success)` listens to the event by its exact name.
 *
 * JIT compiles templates with `new Function`, so this page is served with the
 * strict policy plus 'unsafe-eval' and Angular's Trusted Types policies
 * (demo/angular/vite.config.ts). The widget itself needs neither.
 */
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { ChannelChangeDetail, CountryChangeDetail, RegisterSuccessDetail } from '../../src/events.ts';

// In an app: `import 'hik-register';` in main.ts.
await import('../../src/hik-register.ts');

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  // No `styles`: Angular would add them as inline <style>, which style-src 'self' refuses.
  template: `
    <main>
      <section aria-label="Registration">
        <hik-register
          endpoint="/api/register"
          captcha="pow"
          terms-url="../terms.html"
          [locale]="locale"
          [headers]="headers"
          (hik-country-change)="log($event)"
          (hik-channel-change)="log($event)"
          (hik-register-success)="onSuccess($event)"
        ></hik-register>
      </section>
      <aside>
        <section class="panel" aria-labelledby="result-title">
          <h2 id="result-title">Signed up</h2>
          <p role="status" id="result">{{ username() ? 'Welcome, ' + username() : 'Nobody yet' }}</p>
        </section>
        <section class="panel" aria-labelledby="events-title">
          <h2 id="events-title">Events</h2>
          <ol id="events">
            @for (text of events(); track $index) { <li>{{ text }}</li> }
          </ol>
        </section>
      </aside>
    </main>
  `,
})
class App {
  readonly locale = new URLSearchParams(location.search).get('locale') ?? 'en';
  readonly headers = { 'X-Demo-Framework': 'angular' };
  readonly events = signal<string[]>([]);
  readonly username = signal<string | null>(null);

  log(e: Event): void {
    const { type, detail } = e as CustomEvent<CountryChangeDetail | ChannelChangeDetail>;
    this.events.update((list) => [`${type} ${JSON.stringify(detail)}`, ...list]);
  }

  onSuccess(e: Event): void {
    this.username.set((e as CustomEvent<RegisterSuccessDetail>).detail.username);
  }
}

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] })
  .catch((error: unknown) => console.error(error));

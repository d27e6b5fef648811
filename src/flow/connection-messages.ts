/**
 * The two error texts the first module needs itself: if the chunk of the requests
 * cannot load, nothing can be sent, and the form says why. error-messages.ts (with
 * the requests) uses the same two.
 */
import { msg } from '@lit/localize';

export function offlineText(): string {
  return msg('You are offline. What you entered is kept and will be sent when you are back online.', {
    id: 'offline', desc: 'The browser is offline: nothing was sent; the widget sends it by itself when the connection is back',
  });
}

export function networkText(): string {
  return msg('Could not reach the server. Check your connection and try again.', {
    desc: 'Network failure or offline',
  });
}

// Placeholder until the reference backend lands.
import type { Plugin } from 'vite';
export function referenceBackend(): Plugin {
  return { name: 'hik-reference-backend' };
}

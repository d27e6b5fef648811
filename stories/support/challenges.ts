/** Captcha challenges from the in-browser backend, for `<hik-captcha>` shown alone. */
import type { ImageChallenge, PowChallenge } from '../../src/contract.ts';
import { createStoryBackend } from './backend.ts';

export async function challengeOf<K extends 'image' | 'pow'>(kind: K, powMaxNumber?: number): Promise<K extends 'image' ? ImageChallenge : PowChallenge> {
  const backend = createStoryBackend({ powMaxNumber });
  const res = await backend.fetch(`/api/register/captcha?kind=${kind}`);
  return (await res.json()) as K extends 'image' ? ImageChallenge : PowChallenge;
}

import { RULES } from '../src/contract.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

const LEET: Record<string, string> = { '@': 'a', 4: 'a', 3: 'e', 0: 'o', $: 's', 5: 's', 7: 't' };

/**
 * Why `password` is too weak for `username`, as a message for the user, or `null`.
 * Rules: length 8..64 (code points), not the user name (case-insensitive), at least
 * three of the four classes (upper, lower, digit, other), not a well-known password
 * even with the usual decorations (leetspeak, digits or symbols around a word).
 */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < RULES.passwordMin || length > RULES.passwordMax) {
    return `The password must be ${RULES.passwordMin} to ${RULES.passwordMax} characters long.`;
  }
  if (password.normalize('NFKC').toLowerCase() === username.normalize('NFKC').toLowerCase()) {
    return 'The password must not be the same as the user name.';
  }
  const classes = [/\p{Lu}/u, /\p{Ll}/u, /\p{N}/u, /[^\p{Lu}\p{Ll}\p{N}]/u].filter((re) => re.test(password)).length;
  if (classes < 3) {
    return 'The password must contain at least three of: upper case letters, lower case letters, digits, special characters.';
  }
  if (isCommon(password)) return 'This password is too common. Choose a less predictable one.';
  return null;
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  // "Password123!" and "!!monkey2024" are a stem plus decoration.
  const stripped = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const candidates = new Set<string>([lower]);
  for (const word of [lower, stripped]) {
    if (word.length < 4) continue;
    candidates.add(word);
    for (const one of ['i', 'l']) candidates.add([...word].map((c) => (c === '1' ? one : LEET[c] ?? c)).join(''));
  }
  return [...candidates].some((c) => COMMON_PASSWORDS.has(c));
}

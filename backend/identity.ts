// How user names and addresses are compared and shown.
import { normalizeUsername } from '../src/rules.ts';

/** Uniqueness key: "Dealer_01", "dealer_01" and "ｄｅａｌｅｒ＿０１" are one name. */
export function usernameKey(name: string): string {
  return normalizeUsername(name).toLowerCase().normalize('NFKC');
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** `ann@example.com` → `a***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** `+447700900123` → `+44*******123`. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}${'*'.repeat(Math.max(0, phone.length - 6))}${phone.slice(-3)}`;
}

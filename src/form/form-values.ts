/**
 * What the form holds: the values the user typed or chose, and the error text
 * shown by each field.
 */
import type { Channel } from '../contract.ts';

export interface Values {
  username: string;
  /** Held in memory only, never stored. */
  password: string;
  confirm: string;
  country: string | null;
  channel: Channel;
  email: string;
  /** As typed (formatted); the E.164 form is read from the contact toggle when sending. */
  phone: string;
  termsAccepted: boolean;
}

/** The fields that show an error of their own. */
export type FieldName = 'username' | 'password' | 'confirm' | 'country' | 'email' | 'phone' | 'captcha' | 'terms';

/** Localized error text by field; `''` or missing: no error. */
export type FieldErrors = Partial<Record<FieldName, string>>;

export const emptyValues: Values = {
  username: '', password: '', confirm: '', country: null, channel: 'email', email: '', phone: '', termsAccepted: false,
};

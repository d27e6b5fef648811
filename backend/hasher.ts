import { constantTimeEqual, fromBase64, randomBytes, toBase64 } from './random.ts';

/** One-way password hashing. Node adapters inject scrypt (`node.ts`); browsers use PBKDF2. */
export interface PasswordHasher {
  /** A self-describing string (algorithm, parameters, salt, hash). */
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface Pbkdf2Options {
  /** Default 600 000 (OWASP's figure for PBKDF2-HMAC-SHA256). */
  iterations?: number;
}

/** PBKDF2-HMAC-SHA256 on Web Crypto, for the backend running in a browser (Storybook). */
export function pbkdf2Hasher(options: Pbkdf2Options = {}): PasswordHasher {
  const iterations = options.iterations ?? 600_000;
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, iterations);
      return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(key)}`;
    },
    async verify(password, stored) {
      const [scheme, rounds, salt, expected] = stored.split('$');
      if (scheme !== 'pbkdf2-sha256' || !rounds || !salt || !expected) return false;
      const key = await derive(password, fromBase64(salt), Number(rounds));
      return constantTimeEqual(toBase64(key), expected);
    },
  };
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    256,
  );
  return new Uint8Array(bits);
}

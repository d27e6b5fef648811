// The WebOTP API is not in TypeScript's DOM lib.
interface OtpRequestOptions extends CredentialRequestOptions {
  otp: { transport: string[] };
}

/**
 * Asks the browser for the code of an incoming SMS (WebOTP). Resolves with the code,
 * or `null` where WebOTP is missing, refused, timed out or aborted through `signal`.
 */
export async function receiveSmsCode(signal: AbortSignal): Promise<string | null> {
  if (!('OTPCredential' in window)) return null;
  const options: OtpRequestOptions = { otp: { transport: ['sms'] }, signal };
  try {
    const credential = await navigator.credentials.get(options);
    const code = (credential as { code?: unknown } | null)?.code;
    return !signal.aborted && typeof code === 'string' ? code : null;
  } catch {
    // Aborted, refused or timed out: the user types the code. Some embedders also
    // expose OTPCredential but throw on get (permissions policy).
    return null;
  }
}

import type { Channel } from '../src/contract.ts';

/**
 * A message the backend asks to deliver: a verification code, or (when the backend
 * must not reveal that an address is registered) a notice to its owner.
 */
export interface OutboxMessage {
  channel: Channel;
  /** Email address or E.164 phone number. */
  to: string;
  /** The plain code; only in `kind: "code"` messages. */
  code?: string;
  kind: 'code' | 'already-registered';
  requestId: string;
  /** ISO 8601 time from the backend's clock. */
  at: string;
  /** Language the recipient asked for (BCP 47). */
  locale: string;
}

/** Where codes go: email/SMS gateway in production, memory in development and tests. */
export interface Outbox {
  send(message: OutboxMessage): void | Promise<void>;
}

export interface MemoryOutboxOptions {
  /** How many messages to keep (oldest dropped first). Default 50. */
  keep?: number;
  /** Called with one line per message, e.g. `console.log` for the dev server. */
  print?: (line: string) => void;
}

/** Keeps the latest messages in memory, so a person or a test can read the codes. */
export class MemoryOutbox implements Outbox {
  private readonly items: OutboxMessage[] = [];
  private readonly keep: number;
  private readonly print?: (line: string) => void;

  constructor(options: MemoryOutboxOptions = {}) {
    this.keep = options.keep ?? 50;
    this.print = options.print;
  }

  send(message: OutboxMessage): void {
    this.items.push({ ...message });
    if (this.items.length > this.keep) this.items.splice(0, this.items.length - this.keep);
    this.print?.(describe(message));
  }

  /** Newest first. */
  messages(): OutboxMessage[] {
    return this.items.map((m) => ({ ...m })).reverse();
  }

  /** The newest message to `to`, if any. */
  latestTo(to: string): OutboxMessage | undefined {
    return this.messages().find((m) => m.to === to);
  }

  clear(): void {
    this.items.length = 0;
  }
}

function describe(m: OutboxMessage): string {
  const what = m.kind === 'code'
    ? `verification code ${m.code ?? ''}`
    : 'notice: someone tried to register with this address';
  return `[hik-register outbox] ${m.channel} to ${m.to}: ${what} (request ${m.requestId})`;
}

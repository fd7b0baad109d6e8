import pino, { type Logger } from 'pino';
import { currentRequestContext } from './context';
import { scrub, scrubString } from './scrub';

// Structured JSON logs on stdout, one event per line, for journald or a log shipper.
// Every line carries the request id of the work it belongs to (context.ts), and passes
// through scrub(): no personal codes, tokens or e-mail addresses. pino writes each line
// with JSON.stringify, so CR/LF inside a value stays "\r\n" in the text and can never
// start a forged line of its own.
//
// Levels from LOG_LEVEL (default info); `source` names the part (portal, outbox, auth…).

const key = Symbol.for('toolaud.logger');
type WithLogger = typeof globalThis & { [key]?: Logger };

function create(destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'toolaud', instance: process.env.INSTANCE_ID ?? undefined, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => scrub(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        // Before pino sees them: the message string (formatters.log sees only the object),
        // and errors, whose message pino would otherwise copy into msg unscrubbed.
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubString(a) : scrub(a))) as typeof args;
        return method.apply(this, scrubbed);
      },
    },
    mixin() {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export function logger(): Logger {
  const g = globalThis as WithLogger;
  g[key] ??= create();
  return g[key];
}

/** A child logger for one part of the system: `log('outbox').info({ event: 'sent' })`. */
export function log(source: string): Logger {
  return logger().child({ source });
}

/** Replace the process-wide logger (tests capture lines). */
export function setLogger(next: Logger | undefined): void {
  const g = globalThis as WithLogger;
  if (next) g[key] = next;
  else delete g[key];
}

export { create as createLogger };

import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** The one logger; request ids are added per request by the HTTP edge. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'], censor: '[redacted]' },
  });
}

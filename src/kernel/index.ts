/**
 * kernel: what every other module may lean on and nothing else: validated config, the
 * error type and its code catalogue, ids, the clock, the logger and small crypto helpers.
 */
export { AppError, isAppError, errorCatalogue, type ErrorCode, type FieldErrors } from './errors.ts';
export { loadConfig, ConfigError, type Config } from './config.ts';
export { newId, newSecret } from './ids.ts';
export { systemClock, manualClock, type Clock } from './clock.ts';
export { createLogger, type Logger } from './logger.ts';
export { sha256Hex, hmacSha256, safeEqual, createSealer, type Sealer } from './crypto.ts';
export { parseInput } from './validate.ts';
export { say, sayNow } from './field-messages.ts';
export { errorTexts, languageFrom, type ErrorText, type Language } from './error-texts.ts';

import { AppError } from '../kernel/index.ts';
import type { OutboundError } from './outbound-error.ts';

/**
 * What the person connecting a channel or a shop is told when its API could not be asked:
 * a refused address is their input (400), an address that does not answer is 422. The
 * message names the reason, never what the other side said.
 *
 * @example throw outboundAppError(error, 'shop') // AppError('shop.unreachable', …)
 */
export function outboundAppError(error: OutboundError, area: 'channel' | 'shop'): AppError {
  const what = area === 'channel' ? 'The channel\'s API' : 'The shop\'s API';
  if (error.refused) {
    return new AppError(`${area}.address_refused`, `${what} address is not allowed: ${error.message.replace(/^Refused: /, '')}`, { cause: error });
  }
  const why = error.reason === 'timeout' ? 'did not answer in time' : error.reason === 'too_large' ? 'answered too much' : 'could not be reached';
  return new AppError(`${area}.unreachable`, `${what} ${why}`, { cause: error });
}

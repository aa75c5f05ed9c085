import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { sendProblem } from './send-error.ts';

describe('send errors', () => {
  it('reads when the window closed from the server message', () => {
    const error = new ApiError(409, 'channel.window_closed', 'The 7-day window closed 2026-11-30T09:00:00.000Z');
    expect(sendProblem(error)).toEqual({ key: 'composer.error.windowClosedAt', at: Date.UTC(2026, 10, 30, 9) });
    expect(sendProblem(new ApiError(409, 'channel.window_closed', 'The customer has not written yet'))).toEqual({ key: 'composer.error.windowClosed', detail: 'The customer has not written yet' });
  });

  it('names a refused policy, a channel to reconnect and a text too long', () => {
    expect(sendProblem(new ApiError(409, 'channel.policy_refused', 'This comment already received its one private reply'))?.key).toBe('composer.error.refused');
    expect(sendProblem(new ApiError(409, 'channel.needs_reconnect', 'x'))?.key).toBe('composer.error.reconnect');
    expect(sendProblem(new ApiError(400, 'message.too_long', 'At most 1000 characters on instagram'))).toEqual({ key: 'composer.error.tooLong', detail: 'At most 1000 characters on instagram' });
    expect(sendProblem(new ApiError(0, 'network.unreachable', 'x'))).toBeUndefined();
    expect(sendProblem(new Error('boom'))).toBeUndefined();
  });
});

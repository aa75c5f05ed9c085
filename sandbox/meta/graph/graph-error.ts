/**
 * Graph API errors as Meta words them (PLATFORMS §1.10): `{"error":{message, type, code,
 * error_subcode?, fbtrace_id}}`, mostly HTTP 400. The trace id is added when answering.
 */
export interface GraphErrorFields {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
}

export class GraphError extends Error {
  constructor(readonly status: number, readonly fields: GraphErrorFields) {
    super(fields.message);
  }
}

const oauth = (code: number, message: string, extra: Partial<GraphErrorFields> = {}, status = 400) =>
  new GraphError(status, { message, type: 'OAuthException', code, ...extra });

/** Throttle codes the sandbox can simulate, with Meta's messages. */
export const throttleMessages = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80001: '(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
  80006: '(#80006) There have been too many messenger api calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
} as const;

export type ThrottleCode = keyof typeof throttleMessages;

export const graphErrors = {
  missingToken: () => oauth(104, 'An access token is required to request this resource.'),
  invalidToken: (revoked: boolean) => oauth(190, revoked
    ? 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.'
    : 'Invalid OAuth access token - Cannot parse access token', { error_subcode: 460 }),
  /** An id that does not exist, was deleted, or belongs to another Page. */
  noObject: (id: string, method: string) => new GraphError(400, {
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException', code: 100, error_subcode: 33,
  }),
  unknownPath: (rest: string) => oauth(2500, `Unknown path components: ${rest}`),
  param: (message: string, subcode?: number) => oauth(100, `(#100) ${message}`, subcode ? { error_subcode: subcode } : {}),
  noField: (field: string, nodeType: string) => oauth(100, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`),
  noMatchingUser: () => oauth(100, '(#100) No matching user found', { error_subcode: 2018001 }),
  outsideWindow: () => oauth(10, '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview', {
    error_subcode: 2018278, error_user_title: 'Message Not Sent', error_user_msg: 'This person isn\'t available right now.',
  }),
  alreadyReplied: () => oauth(10900, '(#10900) Activity already replied to'),
  tooOldToReply: () => oauth(10903, '(#10903) This activity can\'t be replied to'),
  cannotHideOwn: () => oauth(100, '(#100) A Page cannot hide its own comments'),
  throttled: (code: ThrottleCode) => oauth(code, throttleMessages[code], { is_transient: true }),
  transient: () => oauth(2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true }, 500),
};

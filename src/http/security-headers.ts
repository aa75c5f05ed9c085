import type { FastifyInstance } from 'fastify';

// The console loads only its own scripts and styles; nothing may frame it.
const consolePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:", // customers' attachments live on the platforms' CDNs
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // A route that sets its own policy (the widget's frame, attachments) keeps it: the frame
    // is meant to be embedded by the shops its `frame-ancestors` names.
    const ownPolicy = reply.hasHeader('content-security-policy');
    if (!ownPolicy) reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (!ownPolicy) reply.header('content-security-policy', consolePolicy);
    reply.header('x-request-id', request.id);
    if (options.https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}

import { z } from 'zod';
import { errorBody, webhookEvents, type RouteContract } from '../contracts/index.ts';
import type { RegisteredRoute } from './contract-schemas.ts';

type JsonSchema = Record<string, unknown>;
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const errorExample = (code: string, message: string) => ({ error: { code, message } });
const errorResponse = (description: string, code: string, message: string) =>
  ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, example: errorExample(code, message) } } });
/** The errors every route may answer, described once. */
const errorResponses = {
  InvalidInput: errorResponse('Invalid input; `fields` names each field\'s problems', 'request.invalid', 'Invalid request: text: Write something'),
  Unauthenticated: errorResponse('No valid session or API token', 'auth.required', 'Sign in, or send an API token'),
  Forbidden: errorResponse('The caller\'s role lacks the permission, or (with the session cookie) the CSRF token is missing', 'auth.forbidden', 'Your role does not allow this'),
  NotFound: errorResponse('Not found in the caller\'s workspace', 'conversation.not_found', 'Conversation not found'),
  RateLimited: errorResponse('Too many attempts; see Retry-After', 'request.rate_limited', 'Too many requests; slow down'),
};
const ref = (name: keyof typeof errorResponses) => ({ $ref: `#/components/responses/${name}` });
const errorsFor = (route: RegisteredRoute, contract: RouteContract) => {
  const out: Record<string, unknown> = {};
  if (contract.params || contract.query || contract.body) out[400] = ref('InvalidInput');
  if (route.auth !== 'public') {
    out[401] = ref('Unauthenticated');
    out[403] = ref('Forbidden');
  }
  if (contract.params) out[404] = ref('NotFound');
  if (route.auth === 'public' && !SAFE.has(route.method)) out[429] = ref('RateLimited');
  return out;
};

/**
 * Builds the OpenAPI 3.1 document from the contracts and the routes Fastify registered:
 * every `/api/v1` route, its parameters, body, answers, errors and who may call it.
 * Schemas that carry an id (`.meta({ id })`) become shared components.
 */
export function buildOpenApi(routes: RegisteredRoute[], options: { serverUrl: string; version: string }) {
  const schemas: Record<string, JsonSchema> = {};
  convert(errorBody, 'output', schemas);
  const paths: Record<string, Record<string, unknown>> = {};

  for (const route of routes) {
    const contract = route.contract;
    if (!contract) continue;
    const operation: Record<string, unknown> = {
      operationId: operationId(route.method, contract.path),
      tags: [contract.tag],
      summary: contract.summary,
      ...(route.permission ? { description: `Permission: \`${route.permission}\`.`, 'x-relais-permission': route.permission } : {}),
      security: route.auth === 'public' ? [] : SAFE.has(route.method)
        ? [{ bearerToken: [] }, { sessionCookie: [] }]
        : [{ bearerToken: [] }, { sessionCookie: [], csrfHeader: [] }],
    };
    const parameters = [
      ...parametersOf(contract.params, 'path', schemas),
      ...parametersOf(contract.query, 'query', schemas),
    ];
    if (parameters.length > 0) operation.parameters = parameters;
    if (contract.body) {
      operation.requestBody = {
        required: !contract.body.safeParse(undefined).success,
        content: { 'application/json': { schema: convert(contract.body, 'input', schemas) } },
      };
    }
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(contract.responses)) {
      if (schema === null) responses[status] = { description: 'Done; no body' };
      else if (schema === 'websocket') responses[status] = { description: 'Switching protocols: the WebSocket of the workspace\'s realtime events' };
      else if (schema === 'text/csv') responses[status] = { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } };
      else {
        const media: Record<string, unknown> = { schema: convert(schema, 'output', schemas) };
        if (contract.example !== undefined) media.example = contract.example;
        responses[status] = { description: 'Success', content: { 'application/json': media } };
      }
    }
    Object.assign(responses, errorsFor(route, contract));
    operation.responses = responses;
    (paths[contract.path] ??= {})[route.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Relais API',
      version: options.version,
      description: 'The HTTP API of Relais. Authenticate with `Authorization: Bearer <token>` (created under Settings → API tokens), or with the console\'s session cookie plus the `X-CSRF-Token` header on changes. Errors are `{"error":{"code","message","fields"?}}`.',
      license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
    },
    servers: [{ url: options.serverUrl }],
    paths,
    webhooks: outgoingWebhooks(schemas),
    components: {
      schemas,
      responses: errorResponses,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'relais_session', description: 'The console\'s session (sign in first)' },
        csrfHeader: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The `relais_csrf` cookie\'s value, on every change made with the session cookie' },
      },
    },
  };
}

/**
 * The outgoing webhooks (docs/webhooks.md) as OpenAPI 3.1 `webhooks`: what Relais POSTs to a
 * subscribed URL for each event, signed with the Standard Webhooks headers.
 */
function outgoingWebhooks(schemas: Record<string, JsonSchema>) {
  const header = (name: string, description: string) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });
  const parameters = [
    header('webhook-id', 'The message id (`msg_…`), the same on every retry and replay'),
    header('webhook-timestamp', 'Seconds since the epoch when this attempt was signed'),
    header('webhook-signature', '`v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed by the decoded `whsec_` secret'),
  ];
  return Object.fromEntries(Object.entries(webhookEvents).map(([type, data]) => [type, {
    post: {
      operationId: `webhook${type.split('.').map(cap).join('')}`,
      summary: `The \`${type}\` event`,
      parameters,
      requestBody: { required: true, content: { 'application/json': { schema: convert(z.object({ type: z.literal(type), timestamp: z.string(), data }), 'output', schemas) } } },
      responses: { 200: { description: 'Any 2xx: received. Anything else (or no answer in 10 s) is retried.' } },
    },
  }]));
}

const operationId = (method: string, path: string) =>
  method.toLowerCase() + path.replace('/api/v1', '').split(/[/-]/).filter(Boolean)
    .map((part) => part.startsWith('{') ? `By${cap(part.slice(1, -1))}` : cap(part)).join('');
const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query', schemas: Record<string, JsonSchema>) {
  if (!schema) return [];
  const json = convert(schema, 'input', schemas) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property,
  }));
}

/**
 * zod → JSON Schema 2020-12 (what OpenAPI 3.1 speaks). Named schemas go to components; the
 * input form of a named schema that differs from its output gets an `Input` suffix.
 */
function convert(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const defs = json.$defs ?? {};
  delete json.$defs;
  delete json.$schema;
  const names = new Map<string, string>();
  for (const [name, def] of Object.entries(defs)) {
    const existing = components[name];
    const target = !existing || JSON.stringify(existing) === JSON.stringify(def) ? name : `${name}${io === 'input' ? 'Input' : 'Output'}`;
    names.set(name, target);
  }
  const rewrite = (value: JsonSchema) => JSON.parse(JSON.stringify(value).replace(/"#\/\$defs\/([^"]+)"/g, (_, name: string) => `"#/components/schemas/${names.get(name) ?? name}"`)) as JsonSchema;
  for (const [name, def] of Object.entries(defs)) components[names.get(name)!] ??= rewrite(def);
  return rewrite(json);
}

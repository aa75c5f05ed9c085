import type { FastifyInstance, RouteOptions } from 'fastify';
import type { z } from 'zod';
import { apiRoutes, fastifyPath, type RouteContract } from '../contracts/index.ts';
import { AppError, parseInput } from '../kernel/index.ts';
import type { RouteAccess } from './access.ts';

/** Every registered `/api/v1` route with what its config says about access, for the OpenAPI document. */
export interface RegisteredRoute {
  method: string;
  url: string;
  contract: RouteContract | undefined;
  auth: 'public' | 'caller';
  permission: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The `/api/v1` routes as Fastify registered them (method, URL, access), for the OpenAPI document. */
    apiRouteTable: RegisteredRoute[];
  }
}

const key = (method: string, url: string) => `${method} ${url}`;

/**
 * Gives each `/api/v1` route the schemas of its contract (src/contracts), by method and URL,
 * so route files only add their handler. Requests are validated with zod before the handler
 * runs (bad input: `request.invalid` with field errors, as `parseInput` answers); responses
 * are serialised through their schema, so an answer can only carry the fields the contract
 * names, and an answer that breaks it is a 500 logged with the issues instead of a silent drift.
 */
export function registerContracts(app: FastifyInstance, routes: RegisteredRoute[]): void {
  app.decorate('apiRouteTable', routes);
  const contracts = new Map(apiRoutes.map((contract) => [key(contract.method, fastifyPath(contract.path)), contract]));

  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    try {
      // A POST without a body is an empty one: the fields it lacks are named, not "(body)".
      return { value: parseInput(schema as unknown as z.ZodType, httpPart === 'body' && data === undefined ? {} : data) };
    } catch (error) {
      return { error: error as Error };
    }
  });
  app.setSerializerCompiler(({ schema, url, method, httpStatus }) => (data: unknown) => {
    const result = (schema as unknown as z.ZodType).safeParse(data);
    if (!result.success) {
      throw new AppError('internal.error', 'Something went wrong on our side', { cause: new Error(`${method} ${url} ${httpStatus}: the answer breaks its contract: ${JSON.stringify(result.error.issues).slice(0, 2000)}`) });
    }
    return JSON.stringify(result.data);
  });

  app.addHook('onRoute', (options: RouteOptions) => {
    if (!options.url.startsWith('/api/v1/')) return;
    for (const method of [options.method].flat()) {
      if (method === 'HEAD') continue;
      const contract = contracts.get(key(method, options.url));
      const access = (options.config as { access?: RouteAccess } | undefined)?.access;
      routes.push({ method, url: options.url, contract, auth: access?.kind === 'caller' ? 'caller' : 'public', permission: access?.kind === 'caller' ? access.permission : undefined });
      if (!contract) continue;
      options.schema = { ...options.schema, ...schemaOf(contract) };
    }
  });
}

function schemaOf(contract: RouteContract) {
  const response: Record<number, z.ZodType> = {};
  for (const [status, schema] of Object.entries(contract.responses)) {
    if (schema && typeof schema === 'object') response[Number(status)] = schema;
  }
  return {
    ...(contract.params ? { params: contract.params } : {}),
    ...(contract.query ? { querystring: contract.query } : {}),
    ...(contract.body ? { body: contract.body } : {}),
    ...(Object.keys(response).length > 0 ? { response } : {}),
  };
}

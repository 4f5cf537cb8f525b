/**
 * The Account API routes. Each serves one operation of the spec and is found the way the spec
 * lays paths out, so a request's rate group and parameter rules are the spec's own.
 */
import { findOperation, operationOf } from '../spec/operations';
import type { OperationRule } from '../spec/types';
import { callHandlingRoutes } from './call-handling-routes';
import type { ApiRoute } from './context';
import { directoryRoutes } from './directory-routes';
import { extensionRoutes } from './extension-routes';
import { numberRoutes } from './number-routes';
import { presenceRoutes } from './presence-routes';
import { subscriptionRoutes } from './subscription-routes';
import { wsTokenRoutes } from './wstoken-route';

const ROUTES: ApiRoute[] = [
  ...extensionRoutes,
  ...numberRoutes,
  ...directoryRoutes,
  ...callHandlingRoutes,
  ...subscriptionRoutes,
  ...presenceRoutes,
  ...wsTokenRoutes,
];
// A route for an operation the spec does not have would never be reached: fail at start-up.
for (const route of ROUTES) operationOf(route.operation);
const BY_OPERATION = new Map(ROUTES.map((route) => [route.operation, route]));

export interface RouteMatch {
  /** The spec's operation. */
  operation: OperationRule;
  pathParams: Record<string, string>;
  /** The sandbox's handler; null for an operation of the spec that it does not serve. */
  route: ApiRoute | null;
  params: string[];
}

export function matchRoute(method: string, path: string): RouteMatch | null {
  const found = findOperation(method, path);
  if (!found) return null;
  const route = BY_OPERATION.get(`${found.operation.method} ${found.operation.path}`) ?? null;
  return {
    operation: found.operation,
    pathParams: found.pathParams,
    route,
    params: found.pathValues,
  };
}

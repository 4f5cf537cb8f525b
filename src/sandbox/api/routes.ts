/** The Account API routes, matched by method and path. */
import type { ApiRoute } from './context';
import { directoryRoutes } from './directory-routes';
import { extensionRoutes } from './extension-routes';
import { numberRoutes } from './number-routes';

const ROUTES: ApiRoute[] = [...extensionRoutes, ...numberRoutes, ...directoryRoutes];

export function matchRoute(
  method: string,
  path: string,
): { route: ApiRoute; params: string[] } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    const params = m.slice(1).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
    return { route, params };
  }
  return null;
}

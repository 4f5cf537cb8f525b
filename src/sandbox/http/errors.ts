/**
 * RingCentral-style error answers. API errors carry `errorCode`, `message` and `errors[]` (the
 * spec's ApiErrorResponseModel / ParameterizedErrorResponseModel); OAuth errors also carry the
 * RFC 6749 `error` and `error_description`. Clients are meant to rely on the codes, not the text.
 */

export class RcHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

interface ErrorItem {
  errorCode: string;
  message: string;
  parameterName?: string;
  [extra: string]: string | undefined;
}

export function apiError(
  status: number,
  errorCode: string,
  message: string,
  item: Partial<ErrorItem> = {},
  headers: Record<string, string> = {},
): RcHttpError {
  const detail = { errorCode: item.errorCode ?? errorCode, message: item.message ?? message };
  return new RcHttpError(status, { errorCode, message, errors: [{ ...item, ...detail }] }, headers);
}

/** 400 CMN-101: a query or body parameter has a value RingCentral would refuse. */
export function invalidParameter(name: string, value?: string): RcHttpError {
  return apiError(400, 'CMN-101', `Parameter [${name}] value is invalid.`, {
    parameterName: name,
    ...(value !== undefined ? { parameterValue: value } : {}),
  });
}

/** 400 for a parameter the spec rules out: CMN-100 when a mandatory one is missing, else CMN-101. */
export function refusedParameter(problem: {
  name: string;
  errorCode: 'CMN-100' | 'CMN-101';
  value?: string;
}): RcHttpError {
  if (problem.errorCode === 'CMN-100') {
    return apiError(400, 'CMN-100', `Mandatory parameter [${problem.name}] not specified.`, {
      parameterName: problem.name,
    });
  }
  return invalidParameter(problem.name, problem.value);
}

/** 404 CMN-102: the id in the path names nothing the caller can reach. */
export function resourceNotFound(name: string, value?: string): RcHttpError {
  return apiError(404, 'CMN-102', `Resource for parameter [${name}] is not found`, {
    parameterName: name,
    ...(value !== undefined ? { parameterValue: value } : {}),
  });
}

/** 403 CMN-401: the app was not registered with a permission the endpoint needs. */
export function appLacks(permission: string): RcHttpError {
  const message = `In order to call this API endpoint, application needs to have [${permission}] permission.`;
  return apiError(403, 'CMN-401', message, { permissionName: permission });
}

/** 403 CMN-408: the signed-in user lacks a user permission the endpoint needs. */
export function missingPermission(permission: string): RcHttpError {
  const message = `In order to call this API endpoint, user needs to have [${permission}] permission for requested resource.`;
  return apiError(403, 'CMN-408', message, { permissionName: permission });
}

export function tokenExpired(): RcHttpError {
  return apiError(401, 'TokenExpired', 'Access token expired', {
    errorCode: 'OAU-213',
    message: 'Token expired',
  });
}

export function tokenInvalid(reason = 'Invalid token'): RcHttpError {
  return apiError(401, 'TokenInvalid', 'Access token corrupted', {
    errorCode: 'OAU-232',
    message: reason,
  });
}

export function routeNotFound(): RcHttpError {
  return apiError(404, 'CMN-102', 'Resource for parameter [path] is not found', {
    parameterName: 'path',
  });
}

/** OAuth error codes used by the sandbox (RingCentral's OAU- family). */
export const OAU = {
  missingParameter: 'OAU-100',
  invalidParameter: 'OAU-101',
  invalidRedirectUri: 'OAU-109',
  clientAuthRequired: 'OAU-123',
  invalidClient: 'OAU-153',
  invalidCode: 'OAU-206',
  codeVerifierMismatch: 'OAU-208',
  invalidToken: 'OAU-210',
  tokenRevoked: 'OAU-211',
  tokenExpired: 'OAU-213',
  unsupportedGrant: 'OAU-250',
  userNotFound: 'OAU-140',
} as const;

export function oauthError(
  status: number,
  error: string,
  errorCode: string,
  description: string,
  parameterName?: string,
): RcHttpError {
  const item = { errorCode, message: description, ...(parameterName ? { parameterName } : {}) };
  return new RcHttpError(status, {
    error,
    error_description: description,
    errorCode,
    message: description,
    errors: [item],
  });
}

export function invalidGrant(errorCode: string, description: string): RcHttpError {
  return oauthError(400, 'invalid_grant', errorCode, description);
}

export function invalidClient(errorCode: string, description: string): RcHttpError {
  return oauthError(401, 'invalid_client', errorCode, description);
}

import type { ApiErrorBody, ApiErrorDetail } from '@mes/shared';

/** Codes the client itself produces when there is no answer from the API to map. */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  BAD_RESPONSE: 'BAD_RESPONSE',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
} as const;

/**
 * An error answer of the API (`{ statusCode, code, message, details? }`), or a failure to reach it
 * (`status` 0, code `NETWORK_ERROR`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors keyed by field path; the first message of a field wins. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      if (d.field && !(d.field in out)) out[d.field] = d.message;
    }
    return out;
  }

  /** Messages of the details whose field is `field` (e.g. the missing keys of "dependsOn"). */
  detailValues(field: string): string[] {
    return this.details.filter((d) => d.field === field).map((d) => d.message);
  }

  static isApiError(value: unknown): value is ApiError {
    return value instanceof ApiError;
  }
}

function isDetail(value: unknown): value is ApiErrorDetail {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['field'] === 'string' && typeof v['message'] === 'string';
}

/** Best-effort reading of an error body; anything not matching the contract becomes `HTTP_<status>`. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null) {
    const b = body as Partial<Record<keyof ApiErrorBody, unknown>>;
    const code = typeof b.code === 'string' && b.code ? b.code : `HTTP_${status}`;
    const message =
      typeof b.message === 'string'
        ? b.message
        : Array.isArray(b.message)
          ? b.message.filter((m): m is string => typeof m === 'string').join('; ')
          : statusText || `HTTP ${status}`;
    const details = Array.isArray(b.details) ? b.details.filter(isDetail) : [];
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, `HTTP_${status}`, statusText || `HTTP ${status}`);
}

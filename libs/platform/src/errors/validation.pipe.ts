import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ApiErrorDetail } from '@mes/shared';
import { ValidationFailedError } from './domain-error';
import { bilingual } from './validation-messages.zh';

/** `lines[0].qty` style paths, as API-CONTRACT.md shows them. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ApiErrorDetail[] {
  const details: ApiErrorDetail[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {}))
      details.push({ field, message: bilingual(constraint, message) });
    if (error.children?.length) details.push(...flattenValidationErrors(error.children, field));
  }
  return details;
}

/** Global pipe: unknown fields are rejected, not ignored; failures become VALIDATION_FAILED. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}

import { ParseUUIDPipe } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';

/** `:id` path params: a malformed id names no row, so it is 404 like any other missing row. */
export const ParseId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('记录 / record') });

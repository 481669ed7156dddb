import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO8601, Matches } from 'class-validator';

/** Trims strings, leaves anything else for the validators to refuse. */
export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export const Trim = (): PropertyDecorator => Transform(trim);

/** Codes as master data writes them. */
export const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-_./]*$/u;

/** Lot numbers as warehousing accepts them. */
export const LOT_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-_.:]*$/u;

/** A calendar date `YYYY-MM-DD` that exists. */
export function IsDateOnly(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid date' }),
  );
}

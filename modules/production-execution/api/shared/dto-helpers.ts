import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDateString, Matches } from 'class-validator';

/** Trims strings before validation; other values pass unchanged (and fail their type check). */
export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export const TrimString = () => Transform(trim);

/** A calendar date `YYYY-MM-DD` that exists. */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsDateString({ strict: true }),
  );

/** Lot numbers as warehousing accepts them. */
export const LOT_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-_.:]*$/u;

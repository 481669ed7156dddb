import type { ValueTransformer } from 'typeorm';
import { Dec } from '@mes/shared';

/** numeric columns <-> Decimal. pg returns numeric as a string, so no float ever sits in between. */
export const decimalTransformer: ValueTransformer = {
  to: (value: Dec | string | null | undefined) => (value == null ? value : new Dec(value).toString()),
  from: (value: string | null) => (value == null ? null : new Dec(value)),
};

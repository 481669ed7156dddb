/**
 * Operators of the shop floor (生产过程管理 / 报工): people who identify themselves on a shared tablet
 * by badge scan or PIN while the tablet stays signed in with one account. PINs never leave the server.
 */

/** An operator as listed: no PIN hash, only whether one is set. */
export interface OperatorView {
  id: string;
  code: string;
  name: string;
  badge: string | null;
  hasPin: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateOperatorInput {
  code: string;
  name: string;
  badge?: string | null;
  /** 4–8 digits. */
  pin?: string | null;
}

/** Every field optional; null clears the badge or the PIN. */
export interface UpdateOperatorInput {
  name?: string;
  badge?: string | null;
  pin?: string | null;
  active?: boolean;
}

/** `{ badge }` (scan) or `{ code, pin }` (keypad). */
export interface IdentifyOperatorInput {
  badge?: string;
  code?: string;
  pin?: string;
}

export interface IdentifiedOperator {
  code: string;
  name: string;
}

/** Error codes of operator identification. */
export const OperatorErrorCode = {
  /** Wrong PIN (or the operator has none): 401. */
  INVALID_PIN: 'INVALID_PIN',
  /** An operator code already in use: 409. */
  DUPLICATE_CODE: 'DUPLICATE_CODE',
  /** A badge already given to another operator: 409. */
  DUPLICATE_BADGE: 'DUPLICATE_BADGE',
} as const;

/** Wrong PINs an operator may enter before identification by PIN is refused (429) for a while. */
export const OPERATOR_PIN_MAX_FAILURES = 5;
export const OPERATOR_PIN_LOCK_SECONDS = 300;

// Bad policy input is thrown, never turned into a NaN: the caller (a route or a job) maps a
// PolicyInputError to a 4xx with its message as it stands; `field` names the offending input.

export class PolicyInputError extends Error {
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'PolicyInputError';
    this.field = field;
  }
}

export function requireFinite(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PolicyInputError(field, `must be a finite number, got ${String(value)}`);
  }
  return value;
}

export function requireNonNegative(field: string, value: number): number {
  requireFinite(field, value);
  if (value < 0) throw new PolicyInputError(field, `must not be negative, got ${value}`);
  return value;
}

export function requirePositive(field: string, value: number): number {
  requireFinite(field, value);
  if (value <= 0) throw new PolicyInputError(field, `must be greater than 0, got ${value}`);
  return value;
}

/** A service level (cycle service α or fill rate β) is a probability strictly between 0 and 1. */
export function requireServiceLevel(field: string, value: number): number {
  requireFinite(field, value);
  if (!(value > 0 && value < 1)) {
    throw new PolicyInputError(field, `must be strictly between 0 and 1 (e.g. 0.95), got ${value}`);
  }
  return value;
}

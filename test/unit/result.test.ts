import { describe, expect, it } from 'vitest';
import { AppFailure, err, ok, toAppError, unwrap } from '../../shared/result';

describe('Result', () => {
  it('builds ok and error values', () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
    expect(err('NOT_FOUND', 'No wallet with id 3')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No wallet with id 3' } });
  });

  it('unwraps a value or throws the error as an AppFailure with its code', () => {
    expect(unwrap(ok('x'))).toBe('x');
    try {
      unwrap(err('DUPLICATE', 'Already there'));
      expect.unreachable();
    } catch (cause) {
      expect(cause).toBeInstanceOf(AppFailure);
      expect(cause).toMatchObject({ code: 'DUPLICATE', message: 'Already there' });
    }
  });

  it('turns anything thrown into an AppError, keeping AppFailure codes', () => {
    expect(toAppError(new AppFailure('BUSY', 'A refresh is already running'))).toEqual({ code: 'BUSY', message: 'A refresh is already running' });
    expect(toAppError(new TypeError('boom'))).toEqual({ code: 'INTERNAL', message: 'boom' });
    expect(toAppError('plain string')).toEqual({ code: 'INTERNAL', message: 'plain string' });
    expect(toAppError(new Error(''))).toEqual({ code: 'INTERNAL', message: 'Unexpected error' });
  });
});

import { convertToCommandError, UnknownError } from '@eventstore/db-client';
import { EventStoreUnavailable, InvalidPosition } from '../event-store.port.js';
import { toPortError } from './esdb-mapping.js';

/** A gRPC status as @grpc/grpc-js raises it (`callErrorFromStatus`), before the client converts it. */
function grpcStatus(code: number, name: string, details: string): Error {
  return Object.assign(new Error(`${code} ${name}: ${details}`), { code, details });
}

describe("EventStoreDB's errors as the port's", () => {
  // KurrentDB answers a read of $all from a position that is not an event's own with
  // RpcExceptions.InvalidPositionException(): INVALID_ARGUMENT, "Trying to read from an invalid position."
  const invalidPosition = convertToCommandError(grpcStatus(3, 'INVALID_ARGUMENT', 'Trying to read from an invalid position.'));

  it('has the client pass the invalid position on as an unknown error (what made it a 500)', () => {
    expect(invalidPosition).toBeInstanceOf(UnknownError);
  });

  it('names a read of $all from a position that holds no event InvalidPosition, with the position', () => {
    const mapped = toPortError(invalidPosition, { readFrom: 12 });
    expect(mapped).toBeInstanceOf(InvalidPosition);
    expect(mapped).toMatchObject({ position: 12 });
  });

  it('keeps other invalid arguments, and unavailability, as they were', () => {
    const other = convertToCommandError(grpcStatus(3, 'INVALID_ARGUMENT', 'maxCount must be positive'));
    expect(toPortError(other, { readFrom: 12 })).toBe(other);
    expect(toPortError(convertToCommandError(grpcStatus(14, 'UNAVAILABLE', 'No connection established')), { readFrom: 12 })).toBeInstanceOf(EventStoreUnavailable);
  });
});

/**
 * Thrown by a handler for an event that decodes but breaks a rule of its contract (a score of
 * 11, a revision 0). Retrying cannot make it valid, so the record goes to the dead-letter topic
 * at once with reason INVALID_EVENT, and the partition moves on.
 */
export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/**
 * A handler rejects the event it was given: it decodes but breaks a rule of its contract (a score
 * of 11, a revision 0). Retrying cannot make it valid, so the record goes to the dead-letter topic
 * at once with reason INVALID_EVENT, and the partition moves on.
 */
export class RejectedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedEventError';
  }
}

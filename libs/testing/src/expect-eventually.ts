export interface EventuallyOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Thrown by an assertion when waiting longer cannot help (the process it waits for has exited). */
export class GiveUpError extends Error {}

/**
 * Re-runs `assertion` until it stops throwing, or fails with its last error after `timeoutMs`, or
 * at once with a GiveUpError. The bounded alternative to sleeping in a test.
 */
export async function expectEventually<T>(
  assertion: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeoutMs = 15000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (error instanceof GiveUpError) throw error;
      if (Date.now() >= deadline) {
        (error as Error).message = `still failing after ${timeoutMs} ms: ${(error as Error).message}`;
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

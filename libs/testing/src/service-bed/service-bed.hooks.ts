import { ServiceBed, type ServiceBedOptions } from './service.bed';

const START_TIMEOUT_MS = 180000;

/**
 * A ServiceBed for the calling describe block: beforeAll creates its schema and (unless
 * `autoStart: false`) starts the service; afterAll kills every instance and closes everything.
 */
export function serviceBed(options: ServiceBedOptions): ServiceBed {
  const bed = new ServiceBed(options);
  beforeAll(async () => {
    await bed.prepare();
    if (options.autoStart !== false) await bed.start();
  }, START_TIMEOUT_MS);
  afterAll(() => bed.close(), 60000);
  return bed;
}

/** A started ServiceBed without hooks, for tests that decide when; `close()` it yourself. */
export async function startServiceBed(options: Omit<ServiceBedOptions, 'autoStart'>): Promise<ServiceBed> {
  const bed = new ServiceBed(options);
  try {
    await bed.start();
  } catch (error) {
    await bed.close();
    throw error;
  }
  return bed;
}

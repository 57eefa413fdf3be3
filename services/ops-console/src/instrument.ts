import { startTelemetry } from '@nps/observability/telemetry';

startTelemetry('ops-console');

import { startTelemetry } from '@nps/observability/telemetry';

startTelemetry('scoring');

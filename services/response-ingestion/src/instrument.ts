import { startTelemetry } from '@nps/observability/telemetry';

startTelemetry('response-ingestion');

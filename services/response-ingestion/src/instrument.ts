import { startTelemetry } from '@nps/observability';

startTelemetry('response-ingestion');

import { startTelemetry } from '@nps/observability';

startTelemetry('scoring');

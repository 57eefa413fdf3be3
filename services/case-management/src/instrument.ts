import { startTelemetry } from '@nps/observability';

startTelemetry('case-management');

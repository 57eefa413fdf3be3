import { startTelemetry } from '@nps/observability/telemetry';

startTelemetry('case-management');

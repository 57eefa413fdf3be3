import { startTelemetry } from '@nps/observability/telemetry';

startTelemetry('root-cause-tagging');

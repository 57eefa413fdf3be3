import { startTelemetry } from '@nps/observability';

startTelemetry('root-cause-tagging');

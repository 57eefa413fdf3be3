import { startTelemetry } from '@nps/observability/telemetry';

startTelemetry('survey-dispatch');

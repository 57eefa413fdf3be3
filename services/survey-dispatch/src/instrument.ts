import { startTelemetry } from '@nps/observability';

startTelemetry('survey-dispatch');

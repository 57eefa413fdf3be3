import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@nps/auth';
import { prometheusExporter } from '@nps/observability/telemetry';
import type { Request, Response } from 'express';

// Prometheus scrapes without credentials; the figures are counts per route and topic, never data (docs/adr/0023).
@Public()
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  /** Every OpenTelemetry metric of the process in Prometheus text format. */
  @Get()
  scrape(@Req() request: Request, @Res() response: Response): void {
    const exporter = prometheusExporter();
    // Only a process started without instrument.ts (an in-process test app) has no exporter.
    if (!exporter) throw new NotFoundException('telemetry is not started in this process');
    exporter.getMetricsRequestHandler(request, response);
  }
}

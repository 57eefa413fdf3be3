import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nps/auth';
import { DataSource } from 'typeorm';
import { type RootCause, RootCauseRepository } from './root-cause.repository';

@ApiTags('root-causes')
@Roles('agent', 'lead', 'admin')
@Controller('root-causes')
export class RootCausesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rootCauses: RootCauseRepository,
  ) {}

  @ApiOperation({
    summary: 'The root causes a resolution may confirm: the tags of the newest taxonomy version received',
  })
  @Get()
  list(): Promise<RootCause[]> {
    return this.rootCauses.list(this.dataSource.manager);
  }
}

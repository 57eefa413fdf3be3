import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nps/auth';
import { DataSource } from 'typeorm';
import { RootCauseDto } from './root-cause.dto';
import { RootCauseRepository } from './root-cause.repository';

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
  @ApiOkResponse({ type: [RootCauseDto] })
  @Get()
  list(): Promise<RootCauseDto[]> {
    return this.rootCauses.list(this.dataSource.manager);
  }
}

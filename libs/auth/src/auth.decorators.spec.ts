import { Controller, Get, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Authenticated, Public, Roles, Scopes } from './auth.decorators';

@Controller('cases')
@Roles('agent', 'lead')
class CasesController {
  @Get()
  list() {
    return [];
  }

  @Get('stats')
  @Roles('analyst')
  @Scopes('nps:read')
  stats() {
    return {};
  }

  @Get('status')
  @Public()
  status() {
    return {};
  }

  @Get('mine')
  @Authenticated()
  mine() {
    return [];
  }
}

// The authorisation-matrix test reads every route's decision from /docs-json.
describe('access rules in the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await NestFactory.create({ module: class {}, controllers: [CasesController] } as never, { logger: false });
    await app.init();
    document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  });

  afterAll(async () => {
    await app.close();
  });

  const operation = (path: string) => document.paths[path].get as unknown as Record<string, unknown>;

  it('carries class-level roles onto each route, and method-level rules over them', () => {
    expect(operation('/cases')).toMatchObject({ 'x-nps-roles': ['agent', 'lead'] });
    expect(operation('/cases/stats')).toMatchObject({ 'x-nps-roles': ['analyst'], 'x-nps-scopes': ['nps:read'] });
    expect(operation('/cases/status')).toMatchObject({ 'x-nps-public': true });
    expect(operation('/cases/mine')).toMatchObject({ 'x-nps-authenticated': true });
  });

  it('marks protected routes once as bearer-authenticated, public ones not at all', () => {
    expect(operation('/cases').security).toEqual([{ bearer: [] }]);
    expect(operation('/cases/stats').security).toEqual([{ bearer: [] }]);
    expect(operation('/cases/status').security).toBeUndefined();
    expect(operation('/cases/status')).not.toHaveProperty('x-nps-roles');
    expect(Object.keys(operation('/cases/status').responses as object)).not.toContain('401');
  });
});

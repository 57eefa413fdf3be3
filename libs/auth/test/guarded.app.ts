// A tiny Nest app guarded by AuthModule, started by auth.guard.int-spec.ts in its own process
// (jose is ESM, which Node loads and Jest's module loader does not).
import 'reflect-metadata';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BaseEnv, ConfigModule, loadEnv } from '@nps/config';
import { Authenticated, AuthModule, CurrentPrincipal, type Principal, Public, Roles, Scopes } from '../src';

@Controller()
class GuardedController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('me')
  @Authenticated()
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Get('cases')
  @Roles('agent', 'lead')
  cases() {
    return [];
  }

  @Get('nps')
  @Roles('analyst', 'admin')
  @Scopes('nps:read')
  nps() {
    return { nps: 42 };
  }

  @Post('responses')
  @Scopes('responses:write')
  respond() {
    return { accepted: true };
  }

  @Get('undecided')
  undecided() {
    return { oops: true };
  }
}

@Controller('admin')
@Roles('admin')
class AdminController {
  @Get('teams')
  teams() {
    return [];
  }

  @Get('report')
  @Scopes('nps:read')
  report() {
    return { report: true };
  }

  @Get('status')
  @Public()
  status() {
    return { up: true };
  }
}

class GuardedAppEnv extends BaseEnv {}

@Module({
  imports: [ConfigModule.forRoot(GuardedAppEnv), AuthModule.forRoot()],
  controllers: [GuardedController, AdminController],
})
class GuardedAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(GuardedAppModule, { logger: ['error', 'warn'] });
  await app.listen(loadEnv(GuardedAppEnv).PORT, '127.0.0.1');
}

void main();

// A tiny Nest app with the platform's LoggerModule, started by log-redaction.int-spec.ts in its
// own process so the test reads exactly what pino writes to stdout.
import 'reflect-metadata';
import { Controller, Get, Logger as NestLogger, Module, Param, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BaseEnv, ConfigModule, loadEnv } from '@nps/config';
import { Logger } from 'nestjs-pino';
import { LoggerModule } from '../src';

@Controller()
class LoggedController {
  private readonly logger = new NestLogger('survey');

  @Get('s/:token')
  answer(@Param('token') token: string, @Query('email') email: string, @Query('phone') phone: string) {
    this.logger.log(`answer for ${email} (${phone}) on link ${token}, sent as http://127.0.0.1/s/${token}`);
    this.logger.log({ customer: email, sms: phone, msg: 'contact details as fields' });
    return { ok: true };
  }

  @Get('fail')
  fail(@Query('email') email: string) {
    throw new Error(`cannot reach ${email}`);
  }
}

class LoggedAppEnv extends BaseEnv {}

@Module({
  imports: [ConfigModule.forRoot(LoggedAppEnv), LoggerModule.forRootAsync('log-test')],
  controllers: [LoggedController],
})
class LoggedAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(LoggedAppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.listen(loadEnv(LoggedAppEnv).PORT, '127.0.0.1');
}

void main();

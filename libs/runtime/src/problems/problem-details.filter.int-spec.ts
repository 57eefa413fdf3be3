import 'reflect-metadata';
import { Body, Controller, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BaseEnv, ConfigModule } from '@nps/config';
import { freePort, testDatabaseUrl } from '@nps/testing';
import { IsInt, Max, Min } from 'class-validator';
import { Client } from 'pg';
import { DomainError } from './domain.error';
import type { ProblemDetails } from './problem-details';
import { ProblemDetailsModule } from './problem-details.module';

class OrderDto {
  @IsInt()
  @Min(1)
  @Max(10)
  quantity!: number;
}

/** Routes that run real queries: against a port nothing listens on (an outage), and a wrong statement (a bug). */
@Controller('orders')
class OrdersController {
  static closedPort = 0;

  @Post()
  async place(@Body() order: OrderDto): Promise<{ quantity: number }> {
    await query(`postgres://postgres@127.0.0.1:${OrdersController.closedPort}/nps`, 'SELECT 1');
    return order;
  }

  @Post('broken')
  async broken(): Promise<void> {
    await query(testDatabaseUrl(), 'SELEC 1');
  }

  @Post('shipped/cancel')
  cancel(): void {
    const extensions = { allowed: ['return'] };
    throw new DomainError('ORDER_SHIPPED', 409, 'a shipped order cannot be cancelled', { extensions });
  }
}

async function query(connectionString: string, sql: string): Promise<void> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

class ShopEnv extends BaseEnv {}

@Module({
  imports: [ConfigModule.forRoot(ShopEnv), ProblemDetailsModule.forRoot('shop')],
  controllers: [OrdersController],
})
class ShopModule {}

describe('ProblemDetailsFilter over HTTP', () => {
  let app: INestApplication;
  let url: string;
  const post = (path: string, body: string, type = 'application/json') =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });

  beforeAll(async () => {
    process.env.HTTP_RETRY_AFTER_SECONDS = '7';
    OrdersController.closedPort = await freePort();
    app = await NestFactory.create(ShopModule, { logger: false, abortOnError: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(() => app?.close());

  it('answers a Postgres that refuses connections with 503, the configured Retry-After and no internals', async () => {
    const response = await post('/orders', JSON.stringify({ quantity: 2 }));
    const body = (await response.json()) as ProblemDetails;
    const retryAfter = response.headers.get('retry-after');
    expect({ status: response.status, retryAfter }).toEqual({ status: 503, retryAfter: '7' });
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body).toEqual({
      type: 'urn:nps:problem:service-unavailable',
      title: 'Service unavailable',
      status: 503,
      detail: expect.stringContaining('try again in 7 s'),
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(body.detail).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\d{4,5}/);
  });

  it('answers a statement Postgres rejects with a generic 500: a bug is not an outage', async () => {
    const response = await post('/orders/broken', '{}');
    const body = (await response.json()) as ProblemDetails;
    expect({ status: response.status, code: body.code, retryAfter: response.headers.get('retry-after') }).toEqual({
      status: 500,
      code: 'INTERNAL_ERROR',
      retryAfter: null,
    });
    expect(body.detail).not.toMatch(/SELEC|syntax/);
  });

  it.each([
    ['an invalid body', '/orders', JSON.stringify({ quantity: 11, note: 'x' }), 400, 'VALIDATION_FAILED'],
    ['malformed JSON', '/orders', '{"quantity": ', 400, 'BAD_REQUEST'],
    ['a body over the limit', '/orders', JSON.stringify({ pad: 'x'.repeat(200_000) }), 413, 'PAYLOAD_TOO_LARGE'],
    ['an unknown route', '/nope', '{}', 404, 'NOT_FOUND'],
    ['a domain refusal', '/orders/shipped/cancel', '{}', 409, 'ORDER_SHIPPED'],
  ])('answers %s as problem details', async (_name, path, body, status, code) => {
    const response = await post(path, body);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status,
      body: expect.objectContaining({
        type: expect.stringMatching(/^urn:nps:problem:/),
        ...{ title: expect.any(String), status, detail: expect.any(String), code },
      }),
    });
  });

  it('names every bad field and keeps domain extensions', async () => {
    const response = await post('/orders', JSON.stringify({ quantity: 11, note: 'x' }));
    const invalid = (await response.json()) as ProblemDetails;
    expect(invalid.fields).toEqual([
      { field: 'note', reason: 'should not exist' },
      { field: 'quantity', reason: 'must not be greater than 10' },
    ]);
    const refused = await (await post('/orders/shipped/cancel', '{}')).json();
    expect(refused).toMatchObject({ type: 'urn:nps:problem:shop:order-shipped', allowed: ['return'] });
  });
});

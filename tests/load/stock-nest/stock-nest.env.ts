import { ConfigError, loadEnv } from '@nps/config';
import { Matches } from 'class-validator';

/** The stock service's settings; the benchmark sets all of them. */
export class StockNestEnv {
  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/nps_test';

  /** Schema holding the `effects` table (created by the benchmark). */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case SQL identifier' })
  BENCH_SCHEMA = 'stock_nest';

  /** Physical topic name the handler subscribes to. */
  @Matches(/^[a-zA-Z0-9._-]+$/, { message: 'must be a Kafka topic name' })
  BENCH_TOPIC = 'nps.response.received.v1';

  @Matches(/^[a-zA-Z0-9._-]+$/, { message: 'must be a Kafka group id' })
  BENCH_GROUP = 'stock-nest';
}

function loadOrExit(): StockNestEnv {
  try {
    return loadEnv(StockNestEnv);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Read at import time: the handler's @EventPattern needs the topic name when its class is declared. */
export const stockNestEnv = loadOrExit();

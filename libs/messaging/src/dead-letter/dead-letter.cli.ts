// npm run dlq -- list <topic>
// npm run dlq -- replay <topic> [--group <consumer group>] [--include-undecodable]
// Reads KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, KAFKA_SSL* and KAFKA_SASL* like the services. See docs/messaging.md.
import { BaseEnv, loadEnv } from '@nps/config';
import { kafkaConnectionFrom } from '../kafka.options';
import { DeadLetterReplayer } from './dead-letter.replayer';

async function main(argv: string[]): Promise<void> {
  const [command, topic, ...flags] = argv;
  if (!['list', 'replay'].includes(command) || !topic) {
    process.stderr.write(
      'usage: dlq list <topic> | dlq replay <topic> [--group <consumer group>] [--include-undecodable]\n',
    );
    process.exitCode = 2;
    return;
  }
  const env = loadEnv(BaseEnv);
  const replayer = new DeadLetterReplayer(kafkaConnectionFrom(env, 'nps-dlq'));
  if (command === 'list') {
    for (const letter of await replayer.list(topic)) process.stdout.write(`${JSON.stringify(letter)}\n`);
    return;
  }
  const group = flags.includes('--group') ? flags[flags.indexOf('--group') + 1] : undefined;
  const replayed = await replayer.replay(topic, {
    consumerGroup: group,
    includeUndecodable: flags.includes('--include-undecodable'),
  });
  process.stdout.write(`replayed ${replayed} dead letter(s) to ${topic}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`dlq: ${error.message}\n`);
  process.exitCode = 1;
});

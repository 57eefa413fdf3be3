// Which Kafka API versions kafkajs would use against a broker, and which it cannot: asks the
// broker for its ApiVersions ranges (v0, raw socket) and compares them with the versions the
// installed kafkajs implements. kafkajs takes min(its newest, broker's newest) and never
// looks at the broker's oldest, so an API whose newest kafkajs version is below the broker's
// oldest (Kafka 4 dropped old versions, KIP-896) fails at the first call. Exit 1 then.
//   node deploy/local/kafka-api-versions.js [host:port]   (default KAFKA_BROKERS or 127.0.0.1:9092)
// See docs/adr/0024-kafka-4-compatibility.md.
const { connect } = require('node:net');
const apiKeys = require('kafkajs/src/protocol/requests/apiKeys');
const { requests } = require('kafkajs/src/protocol/requests');

const [host, port] = (process.argv[2] ?? process.env.KAFKA_BROKERS?.split(',')[0] ?? '127.0.0.1:9092').split(':');

function brokerApiVersions() {
  const clientId = Buffer.from('nps-api-versions');
  const body = Buffer.alloc(10 + clientId.length);
  body.writeInt16BE(18, 0); // ApiVersions
  body.writeInt16BE(0, 2); // v0: every broker answers it
  body.writeInt32BE(1, 4); // correlation id
  body.writeInt16BE(clientId.length, 8);
  clientId.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: Number(port) }, () => socket.write(Buffer.concat([size, body])));
    let answer = Buffer.alloc(0);
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer from ${host}:${port}`)));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      answer = Buffer.concat([answer, chunk]);
      if (answer.length < 4 || answer.length < 4 + answer.readInt32BE(0)) return;
      socket.end();
      const errorCode = answer.readInt16BE(8);
      if (errorCode !== 0) return reject(new Error(`ApiVersions error code ${errorCode}`));
      const ranges = new Map();
      for (let i = 0, at = 14; i < answer.readInt32BE(10); i++, at += 6) {
        ranges.set(answer.readInt16BE(at), { min: answer.readInt16BE(at + 2), max: answer.readInt16BE(at + 4) });
      }
      resolve(ranges);
    });
  });
}

brokerApiVersions().then(
  (ranges) => {
    let unusable = 0;
    const rows = [];
    for (const [name, key] of Object.entries(apiKeys)) {
      const implemented = (requests[name]?.versions ?? []).map(Number);
      if (implemented.length === 0) continue;
      const newest = Math.max(...implemented);
      const broker = ranges.get(key);
      let verdict;
      if (!broker) verdict = 'not offered by the broker';
      else if (newest < broker.min) verdict = `FAILS: kafkajs newest v${newest} < broker oldest v${broker.min}`;
      else verdict = `uses v${Math.min(newest, broker.max)}`;
      if (verdict.startsWith('FAILS')) unusable++;
      const range = broker ? `v${broker.min}-v${broker.max}` : '-';
      rows.push(
        `${name.padEnd(28)} kafkajs v${Math.min(...implemented)}-v${newest}  broker ${range.padEnd(9)} ${verdict}`,
      );
    }
    process.stdout.write(`${host}:${port}\n${rows.join('\n')}\n`);
    process.exitCode = unusable > 0 ? 1 : 0;
  },
  (error) => {
    process.stderr.write(`kafka-api-versions: ${error.message}\n`);
    process.exitCode = 2;
  },
);

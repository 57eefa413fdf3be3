import { connect, Socket } from 'node:net';
import type { ISocketFactory } from 'kafkajs';

const PRODUCE_API_KEY = 0;

/**
 * Sockets to a real broker (kafkajs's `socketFactory`) that can lose the answer to a produce
 * request, as a broker restart does to the last requests it took: the broker appends the records,
 * the connection ends before the client reads the response, and the broker stays unreachable
 * until `restore()`. The client cannot tell whether the records were written.
 */
export class LostProduceResponse {
  private state: 'passing' | 'armed' | 'unreachable' = 'passing';

  /** Whether a response was lost and the broker has been unreachable since. */
  get unreachable(): boolean {
    return this.state === 'unreachable';
  }

  /** The response to the next produce request is lost, and every connection after it refused. */
  loseNextResponse(): void {
    this.state = 'armed';
  }

  restore(): void {
    this.state = 'passing';
  }

  readonly socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    if (this.state === 'unreachable') return refused(host, port);
    const socket = connect({ host, port }, onConnect);
    const produces = new Set<number>();
    const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
    socket.write = ((chunk: unknown, ...rest: unknown[]) => {
      // kafkajs writes one whole request per call: size, api key, api version, correlation id.
      const request = Buffer.isBuffer(chunk) && chunk.length >= 12;
      if (this.state === 'armed' && request && chunk.readInt16BE(4) === PRODUCE_API_KEY) {
        produces.add(chunk.readInt32BE(8));
      }
      return write(chunk, ...rest);
    }) as typeof socket.write;
    const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === 'data' && this.state === 'armed' && answers(args[0] as Buffer, produces)) {
        this.state = 'unreachable';
        socket.destroy();
        return emit('end'); // what kafkajs hears when the broker closes the connection
      }
      return emit(event, ...args);
    }) as typeof socket.emit;
    return socket;
  };
}

/** Whether `chunk` holds a response (size, correlation id, ...) to one of the `requests`. */
function answers(chunk: Buffer, requests: Set<number>): boolean {
  for (let at = 0; at + 8 <= chunk.length; at += 4 + chunk.readInt32BE(at)) {
    if (requests.has(chunk.readInt32BE(at + 4))) return true;
  }
  return false;
}

/** A socket whose connection is refused, as when nothing listens on the broker's port. */
function refused(host: string, port: number): Socket {
  const socket = new Socket();
  const error = Object.assign(new Error(`connect ECONNREFUSED ${host}:${port}`), { code: 'ECONNREFUSED' });
  process.nextTick(() => socket.destroy(error));
  return socket;
}

export * from './event.publisher';
export * from './kafka.health';
export * from './kafka.options';
export * from './kafka.transport';
export * from './messaging.module';
export * from './rethrow-rpc.filter';
export * from './topic.provisioner';
export * from './migrations/1763856000000-messaging-tables';

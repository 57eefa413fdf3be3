export * from './cloud-event.headers';
export * from './event.decoder';
export * from './event.encoder';
export * from './invalid-event.error';
export * from './undecodable-event.error';

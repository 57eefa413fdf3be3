export * from './cloud-event.headers';
export * from './event.decoder';
export * from './event.encoder';
export * from './contract-violation.error';
export * from './undecodable-event.error';

export * from './envelope';
export * from './vocabulary';
export * from './messages';
export * from './topic.spec-type';
export * from './topics';

export * from './topic.spec-type';
export * from './topics';

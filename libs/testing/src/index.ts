export * from './expect-eventually';
export * from './infrastructure/containers';
export * from './infrastructure/infrastructure';
export * from './infrastructure/local-kafka';
export * from './test-namespace';
export * from './service.process';
export * from './free-port';
export * from './builders/response-received.builder';

export * from './access-token.verifier';
export * from './access.rule';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
export * from './auth.settings';
export * from './principal';
export * from './bearer.access';

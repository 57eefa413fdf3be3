export * from './address.classifier';
export * from './guarded.connector';
export * from './outbound.client';
export * from './outbound.env';
export * from './outbound.error';
export * from './outbound.module';
export * from './outbound.policy';
export * from './standard-webhook.signature';

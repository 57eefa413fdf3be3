export * from './channel.names';
export * from './taxonomy.ids';

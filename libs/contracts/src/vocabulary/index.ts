export * from './channel.names';
export * from './taxonomy.ids';
export * from './nps.categories';

export * from './contract';
export * from './errors';
export * from './dispatch';
export * from './method';
export * from './channels';
export * from './new-codes';

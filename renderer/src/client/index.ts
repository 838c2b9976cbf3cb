export { type ClientOptions, type CommandInput, type ConnectionState, EilandClient, type StreamHandlers, type Welcome } from './client';
export { ClientStoppedError, HostError } from './errors';
export type { Ack } from './outbox';
export { type PageLocation, type PageRole, socketUrl, tokenOf } from './url';

import { NETWORK_LOG_KEY, readNetworkLog, type NetworkLog } from '@/lib/network-log';
import { useStorageValue } from './useStorageValue';

/** The network log from storage.local, kept current as the background records requests (and gone after "delete all my data"); undefined while loading. */
export function useNetworkLog(): NetworkLog | undefined {
  return useStorageValue(NETWORK_LOG_KEY, readNetworkLog);
}

import { useEffect, useState } from 'react';
import { watchStorageFull, type StorageFullNotice } from '@/lib/store/storage-errors';

/** The background's latest "storage is full" notice (kept in session storage), live. */
export function useStorageFull(): StorageFullNotice | undefined {
  const [notice, setNotice] = useState<StorageFullNotice | undefined>();
  useEffect(() => watchStorageFull(setNotice), []);
  return notice;
}

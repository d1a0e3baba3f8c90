/**
 * A value being read ahead of the page that needs it (the popup's prefetch): the promise, and the
 * value itself once there, so a first render can start from it instead of waiting a render more.
 */
export interface Early<T> {
  promise: Promise<T | undefined>;
  value?: T;
}

export function early<T>(promise: Promise<T | undefined> = Promise.resolve(undefined)): Early<T> {
  const holder: Early<T> = { promise: promise.catch(() => undefined) };
  void holder.promise.then((value) => {
    holder.value = value;
  });
  return holder;
}

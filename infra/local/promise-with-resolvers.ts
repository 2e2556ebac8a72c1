/**
 * aws-local-stepfunctions calls Promise.withResolvers, which Node gained in version 22; our
 * machines run Node 20. Local runtime only: the deployed workflow runs on AWS.
 */
interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

if (typeof Reflect.get(Promise, 'withResolvers') !== 'function') {
  Reflect.set(Promise, 'withResolvers', <T>(): Resolvers<T> => {
    let resolve: Resolvers<T>['resolve'] = () => undefined;
    let reject: Resolvers<T>['reject'] = () => undefined;
    const promise = new Promise<T>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    return { promise, resolve, reject };
  });
}

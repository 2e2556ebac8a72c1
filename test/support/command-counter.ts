import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Counts the requests a client sends, by command name, by listening on its middleware stack.
 * Lets a test see how many pages a read took without replacing anything it talks to.
 */
export const countCommands = (client: DynamoDBClient): ((commandName: string) => number) => {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'testCommandCounter' },
  );
  return (commandName) => counts.get(commandName) ?? 0;
};

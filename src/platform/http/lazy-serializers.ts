// Response serializers built on first use. Fastify builds a fast-json-stringify serializer for
// every response schema of every route when the app becomes ready, and each build resolves and
// validates every shared schema again: the cost grows with routes × shared schemas, and with five
// modules it was most of the start-up (≈ 8 s of a 10 s `ready` on this machine). Built lazily, a
// route pays for its own serializer once, on its first answer (tens of milliseconds), and start-up
// pays for none. The serializers themselves are the same.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type Build = ReturnType<ReturnType<typeof SerializerSelector>>;
type RouteSchema = Parameters<Build>[0];

export function lazySerializerFactory() {
  const eager = SerializerSelector();
  return (externalSchemas: unknown, options: unknown) => {
    const build = eager(externalSchemas as never, options as never);
    return (route: RouteSchema) => {
      let serialize: ((data: unknown) => string) | undefined;
      return (data: unknown) => {
        serialize ??= build(route) as (data: unknown) => string;
        return serialize(data);
      };
    };
  };
}

// Request validators compiled on a route's first request instead of at start.
//
// Fastify compiles every route's schemas (params, querystring, body) with Ajv while the app gets ready: some 300
// schemas here, which was a fifth of a start's CPU, for routes most instances never see before the next deploy. This
// factory hands Fastify a stand-in per schema that compiles the real validator, with Fastify's own Ajv settings
// (coercion, defaults, removeAdditional), when it is first called. compileAll() compiles the ones not compiled yet,
// so a test can prove every schema compiles, as a start used to.
//
// Ajv itself (some 90 modules) loads with the first compile too, and so does fast-json-stringify's compiler, which Fastify
// would otherwise load while the app is built to compile response schemas: no route declares one, but a start paid for
// loading it (and Ajv with it) all the same.

import { createRequire } from 'node:module'
import type * as AjvCompilerModule from '@fastify/ajv-compiler'
import type { ValidatorFactory } from '@fastify/ajv-compiler'
import type * as SerializerModule from '@fastify/fast-json-stringify-compiler'
import type { SerializerFactory } from '@fastify/fast-json-stringify-compiler'

// Both are CommonJS and Fastify calls the factories synchronously: required, not imported, on first use.
const require = createRequire(import.meta.url)

type RouteSchema = Parameters<ReturnType<ValidatorFactory>>[0]
type Validate = ((data: unknown) => unknown) & { errors?: unknown }
type BuildValidator = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => Validate

export interface LazyValidators {
  /** For Fastify's `schemaController.compilersFactory.buildValidator` (typed as Ajv's; Fastify reads only `errors`). */
  readonly buildValidator: ValidatorFactory
  /** For `compilersFactory.buildSerializer`: Fastify's own fast-json-stringify compiler, loaded when a response schema is first compiled. */
  readonly buildSerializer: SerializerFactory
  /** Compiles every validator not compiled yet; throws as Ajv does on a bad schema. Returns how many there are in all. */
  compileAll(): number
}

export function lazyValidators(): LazyValidators {
  let eager: BuildValidator | undefined
  const ajvCompiler = () => (eager ??= (require('@fastify/ajv-compiler') as typeof AjvCompilerModule).AjvCompiler() as unknown as BuildValidator)
  const compilers: (() => Validate)[] = []

  const buildValidator: BuildValidator = (externalSchemas, options) => {
    // The Ajv instance itself (meta-schemas, formats) is made on the first compile too.
    let compile: ((route: RouteSchema) => Validate) | undefined
    return (route) => {
      let validate: Validate | undefined
      const compiled = () => (validate ??= (compile ??= ajvCompiler()(externalSchemas, options))(route))
      compilers.push(compiled)
      // Fastify reads `errors` off the function it was given once a call returns false.
      const lazy: Validate = (data) => {
        const v = compiled()
        const result = v(data)
        lazy.errors = v.errors
        return result
      }
      return lazy
    }
  }

  let serializers: SerializerFactory | undefined
  const buildSerializer: SerializerFactory = (externalSchemas, options) =>
    (serializers ??= (require('@fastify/fast-json-stringify-compiler') as typeof SerializerModule).SerializerSelector())(externalSchemas, options)

  return {
    buildValidator: buildValidator as unknown as ValidatorFactory, buildSerializer,
    compileAll() {
      for (const compiled of compilers) compiled()
      return compilers.length
    },
  }
}

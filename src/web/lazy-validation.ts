// Request validators compiled on a route's first request instead of at start.
//
// Fastify compiles every route's schemas (params, querystring, body) with Ajv while the app gets ready: some 300
// schemas here, which was a fifth of a start's CPU, for routes most instances never see before the next deploy. This
// factory hands Fastify a stand-in per schema that compiles the real validator, with Fastify's own Ajv settings
// (coercion, defaults, removeAdditional), when it is first called. compileAll() compiles the ones not compiled yet,
// so a test can prove every schema compiles, as a start used to.

import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler'

type RouteSchema = Parameters<ReturnType<ValidatorFactory>>[0]
type Validate = ((data: unknown) => unknown) & { errors?: unknown }
type BuildValidator = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => Validate

export interface LazyValidators {
  /** For Fastify's `schemaController.compilersFactory.buildValidator` (typed as Ajv's; Fastify reads only `errors`). */
  readonly buildValidator: ValidatorFactory
  /** Compiles every validator not compiled yet; throws as Ajv does on a bad schema. Returns how many there are in all. */
  compileAll(): number
}

export function lazyValidators(): LazyValidators {
  const eager = AjvCompiler() as unknown as BuildValidator
  const compilers: (() => Validate)[] = []

  const buildValidator: BuildValidator = (externalSchemas, options) => {
    // The Ajv instance itself (meta-schemas, formats) is made on the first compile too.
    let compile: ((route: RouteSchema) => Validate) | undefined
    return (route) => {
      let validate: Validate | undefined
      const compiled = () => (validate ??= (compile ??= eager(externalSchemas, options))(route))
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

  return {
    buildValidator: buildValidator as unknown as ValidatorFactory,
    compileAll() {
      for (const compiled of compilers) compiled()
      return compilers.length
    },
  }
}
